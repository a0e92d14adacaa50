package taiyi.workbench.formats.cblue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import taiyi.workbench.formats.FormatException;

/**
 * A whole file decoded as strict UTF-8. Decoding before parsing (rather than letting Jackson meet
 * the bytes) gives one wording and the line of the bad byte whatever the JSON around it.
 */
final class Utf8File {

    private Utf8File() {
    }

    /** The file's text without a leading byte order mark. */
    static String read(Path file) throws FormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FormatException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            String bad = at < bytes.length ? "byte " + String.format("0x%02X", bytes[at] & 0xFF) : "truncated sequence";
            throw new FormatException(file, lineOf(bytes, at), "not valid UTF-8 (" + bad + " at byte offset " + at + ")");
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The index of the first char of {@code text} that UTF-8 cannot encode (an unpaired surrogate),
     * or -1. Writers check it because an encoder would silently put {@code ?} in its place.
     */
    static int unencodableAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
