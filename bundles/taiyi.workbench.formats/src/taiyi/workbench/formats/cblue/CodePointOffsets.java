package taiyi.workbench.formats.cblue;

import java.util.Arrays;

/**
 * Converts between the code point indices CBLUE counts in (Python {@code str} indices, where
 * {@code 𠮷} is one character) and the UTF-16 indices of the model (where it is two chars), for
 * one text. Unpaired surrogates count as one code point each, as Java's own methods count them.
 */
public final class CodePointOffsets {

    /** The UTF-16 index of each code point, plus the text length as the index past the last one. */
    private final int[] utf16ByCodePoint;

    public CodePointOffsets(String text) {
        int count = text.codePointCount(0, text.length());
        utf16ByCodePoint = new int[count + 1];
        int utf16 = 0;
        for (int cp = 0; cp < count; cp++) {
            utf16ByCodePoint[cp] = utf16;
            utf16 += Character.charCount(text.codePointAt(utf16));
        }
        utf16ByCodePoint[count] = utf16;
    }

    /** How many code points the text has. */
    public int codePointCount() {
        return utf16ByCodePoint.length - 1;
    }

    /**
     * The UTF-16 index of a code point index, which may be the count itself (the end of the text).
     *
     * @throws IndexOutOfBoundsException when the index lies outside {@code [0, codePointCount()]}
     */
    public int toUtf16(int codePointIndex) {
        if (codePointIndex < 0 || codePointIndex >= utf16ByCodePoint.length) {
            throw new IndexOutOfBoundsException("code point index " + codePointIndex + " outside [0, "
                    + codePointCount() + "]");
        }
        return utf16ByCodePoint[codePointIndex];
    }

    /**
     * The code point index of a UTF-16 index.
     *
     * @throws IllegalArgumentException when the index falls between the two halves of a surrogate
     *         pair, where no code point index exists
     * @throws IndexOutOfBoundsException when the index lies outside the text
     */
    public int toCodePoint(int utf16Index) {
        int length = utf16ByCodePoint[utf16ByCodePoint.length - 1];
        if (utf16Index < 0 || utf16Index > length) {
            throw new IndexOutOfBoundsException("UTF-16 index " + utf16Index + " outside [0, " + length + "]");
        }
        int found = Arrays.binarySearch(utf16ByCodePoint, utf16Index);
        if (found < 0) {
            throw new IllegalArgumentException("UTF-16 index " + utf16Index + " splits a surrogate pair");
        }
        return found;
    }
}
