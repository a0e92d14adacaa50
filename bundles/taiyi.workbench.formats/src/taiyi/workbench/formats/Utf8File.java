package taiyi.workbench.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


/**
 * A file's content decoded as strict UTF-8. Malformed bytes are an error naming the line they sit
 * on, rather than U+FFFD quietly standing in for them and shifting nothing but the meaning.
 */
public final class Utf8File {

    /** The byte order mark as a decoded char; readers accept it at the start of a file. */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private Utf8File() {
    }

    /**
     * The whole file as text, a leading byte order mark included (callers decide what it means for
     * their offsets).
     *
     * @throws FormatException when the file cannot be read or is not valid UTF-8
     */
    public static String read(Path file) throws FormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FormatException(file, 0, "cannot read: " + e, e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new FormatException(file, line, String.format("not valid UTF-8: byte 0x%02X at byte offset %d",
                    bytes[at] & 0xFF, at));
        }
        out.flip();
        return out.toString();
    }

    /**
     * The file's lines, without a leading byte order mark and without line ends ({@code \n},
     * {@code \r\n} or {@code \r}); element {@code i} is line {@code i + 1}. A final line end does
     * not make an extra empty line.
     */
    public static List<String> lines(Path file) throws FormatException {
        return lines(read(file));
    }

    /** The lines of a file's text as {@link #read} gives it, as {@link #lines(Path)} splits them. */
    public static List<String> lines(String fileText) {
        String text = withoutByteOrderMark(fileText);
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The text without a leading byte order mark. */
    public static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /**
     * The index of the first char of {@code text} that UTF-8 cannot encode (an unpaired surrogate),
     * or -1. Writers check it because an encoder would silently put {@code ?} in its place.
     */
    public static int unencodableAt(String text) {
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
