package taiyi.workbench.inference.djl.tokenizer;

/**
 * Qwen-7B's pre-tokenizer ({@link QwenTokenizer#PAT_STR}) as a hand-written scanner: where the
 * piece that starts at an offset ends. BPE runs inside each piece, so a text's token count is the
 * sum of its pieces' counts, and a counter that caches those (the same words recur across a corpus)
 * need not run the regex, which is most of the cost of encoding. The alternatives are tried in the
 * pattern's order with the pattern's backtracking, and character classes as
 * {@link java.util.regex.Pattern#UNICODE_CHARACTER_CLASS} defines them; the tests check every piece
 * of the real corpora against the regex.
 */
public final class QwenPreTokenizer {

    private QwenPreTokenizer() {
    }

    /**
     * The char after the piece that starts at {@code start}; every char is in some piece, so this is
     * always past {@code start} while {@code start < text.length()}.
     */
    public static int pieceEnd(CharSequence text, int start) {
        int length = text.length();
        int c = Character.codePointAt(text, start);
        int afterC = start + Character.charCount(c);
        // (?i:'s|'t|'re|'ve|'m|'ll|'d)
        if (c == '\'' && afterC < length) {
            int contraction = contractionEnd(text, afterC);
            if (contraction > 0) {
                return contraction;
            }
        }
        // [^\r\n\p{L}\p{N}]?\p{L}+
        if (c != '\r' && c != '\n' && !isLetter(c) && !isNumber(c) && afterC < length
                && isLetter(Character.codePointAt(text, afterC))) {
            return letterRunEnd(text, afterC);
        }
        if (isLetter(c)) {
            return letterRunEnd(text, afterC);
        }
        // \p{N}
        if (isNumber(c)) {
            return afterC;
        }
        // " ?[^\s\p{L}\p{N}]+[\r\n]*"
        int symbols = c == ' ' ? afterC : start;
        if (symbols < length && isSymbol(Character.codePointAt(text, symbols))) {
            int end = symbols;
            while (end < length && isSymbol(Character.codePointAt(text, end))) {
                end += Character.charCount(Character.codePointAt(text, end));
            }
            while (end < length && (text.charAt(end) == '\r' || text.charAt(end) == '\n')) {
                end++;
            }
            return end;
        }
        // what is left is white space (White_Space chars are all in the BMP)
        int runEnd = start;
        int lastLineBreak = -1;
        while (runEnd < length && isWhiteSpace(text.charAt(runEnd))) {
            if (text.charAt(runEnd) == '\r' || text.charAt(runEnd) == '\n') {
                lastLineBreak = runEnd;
            }
            runEnd++;
        }
        if (runEnd == start) {
            // a lone surrogate followed by nothing the classes above take: the regex's \s+ fails too,
            // and its find() would skip the char; a piece of one char keeps the count defined
            return afterC;
        }
        // \s*[\r\n]+ : the white space up to its last line break
        if (lastLineBreak >= 0) {
            return lastLineBreak + 1;
        }
        // \s+(?!\S) : all of it at the end of the text, else all but the last char (which goes with
        // the word after it); \s+ : a single white space char before a word
        if (runEnd == length || runEnd - 1 == start) {
            return runEnd;
        }
        return runEnd - 1;
    }

    private static int contractionEnd(CharSequence text, int at) {
        char first = text.charAt(at);
        if (is(first, 's') || is(first, 't') || is(first, 'm') || is(first, 'd')) {
            return at + 1;
        }
        if (at + 1 < text.length()) {
            char second = text.charAt(at + 1);
            if (is(first, 'r') && is(second, 'e') || is(first, 'v') && is(second, 'e') || is(first, 'l') && is(second, 'l')) {
                return at + 2;
            }
        }
        return -1;
    }

    /** Unicode case-insensitive equality as the regex engine tests it for one char. */
    private static boolean is(char c, char lower) {
        return c == lower || Character.toLowerCase(Character.toUpperCase(c)) == lower;
    }

    private static int letterRunEnd(CharSequence text, int from) {
        int end = from;
        while (end < text.length()) {
            int cp = Character.codePointAt(text, end);
            if (!isLetter(cp)) {
                break;
            }
            end += Character.charCount(cp);
        }
        return end;
    }

    /** {@code \p{L}} */
    static boolean isLetter(int cp) {
        return Character.isLetter(cp);
    }

    /** {@code \p{N}} */
    static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** {@code [^\s\p{L}\p{N}]} */
    static boolean isSymbol(int cp) {
        return !isWhiteSpace(cp) && !isLetter(cp) && !isNumber(cp);
    }

    /** {@code \s} under UNICODE_CHARACTER_CLASS: the White_Space property, as the JDK computes it. */
    static boolean isWhiteSpace(int cp) {
        int type = Character.getType(cp);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || cp >= 0x9 && cp <= 0xd || cp == 0x85;
    }
}
