package taiyi.workbench.formats;

/**
 * Converts between UTF-16 offsets (the model's, Java's) and code-point offsets (what Python's
 * {@code str} indices, hence CBLUE, brat and BigBio, count) for one text. A character outside the
 * Basic Multilingual Plane, such as 𠮷, is one code point but two UTF-16 units.
 */
public final class CodePointOffsets {

    private final String text;
    private final int[] utf16OfCodePoint;
    private final boolean identity;

    public CodePointOffsets(String text) {
        this.text = text;
        int cps = text.codePointCount(0, text.length());
        identity = cps == text.length();
        if (identity) {
            utf16OfCodePoint = null;
        } else {
            utf16OfCodePoint = new int[cps + 1];
            int i = 0;
            int cp = 0;
            while (i < text.length()) {
                utf16OfCodePoint[cp++] = i;
                i += Character.charCount(text.codePointAt(i));
            }
            utf16OfCodePoint[cp] = text.length();
        }
    }

    /** Number of code points in the text. */
    public int codePointCount() {
        return identity ? text.length() : utf16OfCodePoint.length - 1;
    }

    /**
     * The UTF-16 offset of a code-point offset.
     *
     * @throws IndexOutOfBoundsException when the offset lies outside {@code [0, codePointCount()]}
     */
    public int toUtf16(int codePointOffset) {
        if (codePointOffset < 0 || codePointOffset > codePointCount()) {
            throw new IndexOutOfBoundsException("offset " + codePointOffset + " is outside the text (length "
                    + codePointCount() + " characters)");
        }
        return identity ? codePointOffset : utf16OfCodePoint[codePointOffset];
    }

    /**
     * The code-point offset of a UTF-16 offset.
     *
     * @throws IllegalArgumentException when the offset splits a surrogate pair
     */
    public int toCodePoint(int utf16Offset) {
        if (utf16Offset < 0 || utf16Offset > text.length()) {
            throw new IndexOutOfBoundsException("offset " + utf16Offset + " is outside the text (length " + text.length() + ")");
        }
        if (utf16Offset > 0 && utf16Offset < text.length() && Character.isLowSurrogate(text.charAt(utf16Offset))
                && Character.isHighSurrogate(text.charAt(utf16Offset - 1))) {
            throw new IllegalArgumentException("offset " + utf16Offset + " splits a surrogate pair");
        }
        return identity ? utf16Offset : text.codePointCount(0, utf16Offset);
    }
}
