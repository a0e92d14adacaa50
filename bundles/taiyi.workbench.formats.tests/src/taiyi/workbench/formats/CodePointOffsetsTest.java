package taiyi.workbench.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class CodePointOffsetsTest {

    @Test
    void aSupplementaryCharacterIsOneCodePointAndTwoChars() {
        // 𠮷 (U+20BB7) lies outside the BMP: one Python character, two UTF-16 chars
        String text = "𠮷野家，：；（）ab";
        CodePointOffsets offsets = new CodePointOffsets(text);
        assertEquals(10, offsets.codePointCount());
        assertEquals(11, text.length());
        assertEquals(0, offsets.toUtf16(0));
        assertEquals(2, offsets.toUtf16(1));
        assertEquals(11, offsets.toUtf16(10));
        assertEquals(1, offsets.toCodePoint(2));
        assertEquals(10, offsets.toCodePoint(11));
        assertEquals("野家", text.substring(offsets.toUtf16(1), offsets.toUtf16(3)));
    }

    @Test
    void fullWidthPunctuationLiesInTheBmpSoBothCountsAgree() {
        String text = "发热（38.5℃），咳嗽：无；痰“少”。";
        CodePointOffsets offsets = new CodePointOffsets(text);
        assertEquals(text.length(), offsets.codePointCount());
        for (int i = 0; i <= text.length(); i++) {
            assertEquals(i, offsets.toUtf16(i));
            assertEquals(i, offsets.toCodePoint(i));
        }
    }

    @Test
    void anIndexInsideASurrogatePairHasNoCodePoint() {
        CodePointOffsets offsets = new CodePointOffsets("a𠮷b");
        assertEquals(1, offsets.toCodePoint(1));
        assertThrows(IllegalArgumentException.class, () -> offsets.toCodePoint(2));
        assertEquals(2, offsets.toCodePoint(3));
    }

    @Test
    void indicesOutsideTheTextAreRefused() {
        CodePointOffsets offsets = new CodePointOffsets("𠮷𠮷");
        assertThrows(IndexOutOfBoundsException.class, () -> offsets.toUtf16(3));
        assertThrows(IndexOutOfBoundsException.class, () -> offsets.toUtf16(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> offsets.toCodePoint(5));
        assertThrows(IndexOutOfBoundsException.class, () -> offsets.toCodePoint(-1));
        CodePointOffsets empty = new CodePointOffsets("");
        assertEquals(0, empty.codePointCount());
        assertEquals(0, empty.toUtf16(0));
        assertEquals(0, empty.toCodePoint(0));
    }

    @Test
    void anUnpairedSurrogateCountsAsOneCodePointAsJavaCountsIt() {
        String text = "a\uD842b";
        CodePointOffsets offsets = new CodePointOffsets(text);
        assertEquals(3, offsets.codePointCount());
        assertEquals(2, offsets.toUtf16(2));
    }

    @Test
    void conversionsAgreeWithJavaOnRandomMixedText() {
        Random random = new Random(20240611);
        String[] pieces = {"𠮷", "𩸽", "肺", "炎", "，", "：", "；", "（", "）", "a", "1", " ", "😷"};
        for (int round = 0; round < 200; round++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(30);
            for (int i = 0; i < n; i++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            CodePointOffsets offsets = new CodePointOffsets(text);
            assertEquals(text.codePointCount(0, text.length()), offsets.codePointCount());
            for (int cp = 0; cp <= offsets.codePointCount(); cp++) {
                int utf16 = offsets.toUtf16(cp);
                assertEquals(text.offsetByCodePoints(0, cp), utf16);
                assertEquals(cp, offsets.toCodePoint(utf16));
            }
        }
    }
}
