package taiyi.workbench.inference.djl.tokenizer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns generated token ids into text one token at a time, and says which chars of the text each
 * token completed. Qwen's BPE works on UTF-8 bytes, so a token may end inside a character (a
 * Chinese character is 3 bytes, often split over two tokens): those bytes wait here and the chars
 * go to the token that completes them; a token that completes nothing gets an empty range. Ranges
 * are consecutive, so they cover the text without gaps or overlaps. Bytes that can never form a
 * character become U+FFFD, exactly as {@link QwenTokenizer#decode(int[])} does for the same ids.
 * Not thread-safe: one decoder per generation.
 */
public final class TokenTextDecoder {

    /** The chars [start, end) of the decoded text that a token completed. */
    public record Span(int start, int end) {
        public boolean isEmpty() {
            return start == end;
        }
    }

    private final QwenTokenizer tokenizer;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final StringBuilder text = new StringBuilder();
    /** Bytes of a character not yet complete (at most 3 for valid UTF-8), ready for reading. */
    private ByteBuffer pending = ByteBuffer.allocate(64).flip();
    private CharBuffer chars = CharBuffer.allocate(64);
    private boolean finished;

    TokenTextDecoder(QwenTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Adds the next generated token; returns the chars it completed (possibly none). */
    public Span accept(int id) {
        if (finished) {
            throw new IllegalStateException("the decoder was finished; start a new one for another generation");
        }
        byte[] bytes = tokenizer.tokenBytes(id);
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + bytes.length);
        in.put(pending).put(bytes).flip();
        int start = text.length();
        decode(in, false);
        pending = in;
        return new Span(start, text.length());
    }

    /**
     * Ends the generation: bytes still waiting for the rest of a character (a generation cut in the
     * middle of one) become U+FFFD. Returns those chars' range, which belongs to the tokens that
     * brought the bytes (empty when nothing was waiting). Later calls return an empty range.
     */
    public Span finish() {
        int start = text.length();
        if (!finished) {
            finished = true;
            decode(pending, true);
            chars.clear();
            utf8.flush(chars);
            chars.flip();
            text.append(chars);
        }
        return new Span(start, text.length());
    }

    /** Whether bytes are waiting for the rest of a character. */
    public boolean hasPendingBytes() {
        return !finished && pending.hasRemaining();
    }

    /** The text decoded so far. */
    public String text() {
        return text.toString();
    }

    private void decode(ByteBuffer in, boolean endOfInput) {
        while (true) {
            chars.clear();
            CoderResult result = utf8.decode(in, chars, endOfInput);
            chars.flip();
            text.append(chars);
            if (result.isOverflow()) {
                continue;
            }
            if (result.isUnderflow()) {
                return;
            }
            throw new IllegalStateException("UTF-8 decoder reported " + result + " although errors are replaced");
        }
    }
}
