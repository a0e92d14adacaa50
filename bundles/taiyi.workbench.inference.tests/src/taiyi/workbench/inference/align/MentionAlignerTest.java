package taiyi.workbench.inference.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Span;

class MentionAlignerTest {

    private static List<String> placed(String text, Alignment a) {
        return a.found().stream().map(m -> m.query().type() + ":" + text.substring(m.span().start(), m.span().end()) + "@"
                + m.span().start()).toList();
    }

    @Test
    void everyOccurrenceIsTakenExactlyWhenItCan() {
        String text = "Cisplatin nephrotoxicity. cisplatin and CISPLATIN again: cisplatin.";
        Alignment a = new MentionAligner(text).align(List.of(new MentionQuery("Chemical", "cisplatin")));
        assertEquals(List.of("Chemical:cisplatin@26", "Chemical:cisplatin@57"), placed(text, a));
        assertTrue(a.found().stream().allMatch(m -> m.match() == MatchKind.EXACT));
    }

    @Test
    void caseAndWidthAreFoldedWhenNothingMatchesExactly() {
        String text = "患者服用ＡＳＰＩＲＩＮ（100mg）后出现Ｈｅａｄａｃｈｅ。";
        Alignment a = new MentionAligner(text).align(List.of(new MentionQuery("dru", "aspirin"),
                new MentionQuery("sym", "headache"), new MentionQuery("dru", "（100MG）")));
        assertEquals(List.of("dru:ＡＳＰＩＲＩＮ@4", "dru:（100mg）@11", "sym:Ｈｅａｄａｃｈｅ@21"), placed(text, a));
        assertTrue(a.found().stream().allMatch(m -> m.match() == MatchKind.FOLDED));
        assertEquals(List.of(), a.missing());
    }

    @Test
    void spacingIsIgnoredLast() {
        String text = "首选β2受体激动剂治疗。";
        Alignment a = new MentionAligner(text).align(List.of(new MentionQuery("dru", "β2 受体激动剂")));
        assertEquals(List.of("dru:β2受体激动剂@2"), placed(text, a));
        assertEquals(MatchKind.FOLDED_IGNORING_SPACE, a.found().get(0).match());
    }

    @Test
    void foldedOffsetsNeverSplitASurrogatePair() {
        // U+20000 (CJK extension B) is two chars; the ligature ﬁ folds to two chars
        String text = "\uD840\uDC00病 ﬁbrosis 𠀀病";
        MentionAligner aligner = new MentionAligner(text);
        List<Span> spans = aligner.occurrences("\uD840\uDC00病");
        assertEquals(List.of(new Span(0, 3), new Span(12, 15)), spans);
        List<Span> fib = aligner.occurrences("FIBROSIS");
        assertEquals(List.of(new Span(4, 11)), fib, "ﬁ is one char of the text and maps back whole");
        // "i" alone only matches inside the ligature's expansion, which must not be mapped back
        assertEquals(List.of(), aligner.occurrences("ibrosis"));
        for (Span s : fib) {
            assertFalse(Character.isLowSurrogate(text.charAt(s.start())));
        }
        // a folded needle starting inside a surrogate pair cannot be found at a split
        assertEquals(List.of(), aligner.occurrences("\uDC00病"));
    }

    @Test
    void missingMentionsAreReportedAndNothingIsInvented() {
        String text = "Hypertension was treated.";
        Alignment a = new MentionAligner(text).align(List.of(new MentionQuery("Disease", "hypertension"),
                new MentionQuery("Disease", "diabetes"), new MentionQuery("Chemical", ""), new MentionQuery("Disease", "diabetes")));
        assertEquals(List.of("Disease:Hypertension@0"), placed(text, a));
        assertEquals(List.of(new MentionQuery("Disease", "diabetes"), new MentionQuery("Chemical", "")), a.missing());
    }

    @Test
    void sameTypeIsLeftmostLongestOtherTypesOverlapFreely() {
        String text = "糖尿病足与糖尿病，肺实变。";
        Alignment a = new MentionAligner(text).align(List.of(new MentionQuery("dis", "糖尿病"), new MentionQuery("dis", "糖尿病足"),
                new MentionQuery("bod", "足"), new MentionQuery("bod", "肺"), new MentionQuery("dis", "肺实变")));
        assertEquals(List.of("dis:糖尿病足@0", "bod:足@3", "dis:糖尿病@5", "bod:肺@9", "dis:肺实变@9"), placed(text, a));
    }

    @Test
    void aStringOnlyFoundInsideALongerOneOfItsTypeIsKeptNested() {
        String text = "慢性阻塞性肺疾病";
        Alignment a = new MentionAligner(text).align(List.of(new MentionQuery("dis", "慢性阻塞性肺疾病"),
                new MentionQuery("dis", "肺疾病")));
        assertEquals(List.of("dis:慢性阻塞性肺疾病@0", "dis:肺疾病@5"), placed(text, a));
    }
}
