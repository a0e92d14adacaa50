package taiyi.workbench.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CodePointOffsetsTest {

    @Test
    void supplementaryCharactersCountOnceAsCodePointsAndTwiceInUtf16() {
        String text = "𠮷野家：肺炎";
        CodePointOffsets o = new CodePointOffsets(text);
        assertEquals(6, o.codePointLength());
        assertEquals(0, o.toUtf16(0));
        assertEquals(2, o.toUtf16(1));
        assertEquals(7, o.toUtf16(6));
        assertEquals("肺炎", text.substring(o.toUtf16(4), o.toUtf16(6)));
        assertEquals(4, o.toCodePoint(5));
        assertThrows(IllegalArgumentException.class, () -> o.toCodePoint(1));
        assertThrows(IndexOutOfBoundsException.class, () -> o.toUtf16(7));
    }

    @Test
    void plainBmpTextMapsOneToOne() {
        CodePointOffsets o = new CodePointOffsets("患者出现肺实变，");
        assertEquals(3, o.toUtf16(3));
        assertEquals(8, o.toCodePoint(8));
        assertThrows(IndexOutOfBoundsException.class, () -> o.toUtf16(-1));
    }
}
