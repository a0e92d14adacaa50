package taiyi.workbench.inference.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.testing.TestCorpora;

class TextWindowsTest {

    /** Checks the windows tile the text and each cut falls where the rules allow. */
    private static void assertTiles(Document d, List<TextWindow> windows, int budget) {
        String text = d.text();
        Set<Integer> passageStarts = d.passages().stream().map(p -> p.span().start()).collect(Collectors.toSet());
        int at = 0;
        for (int i = 0; i < windows.size(); i++) {
            TextWindow w = windows.get(i);
            assertEquals(i, w.index());
            assertEquals(at, w.start(), d.id() + " window " + i + " starts where the previous ended");
            assertEquals(text.substring(w.start(), w.end()), w.text(), d.id() + " window " + i + " is the document's text");
            assertFalse(w.text().isEmpty());
            assertTrue(w.text().length() <= budget, d.id() + " window " + i + " has " + w.text().length() + " chars");
            if (w.end() < text.length()) {
                int cut = w.end();
                char before = text.charAt(cut - 1);
                boolean sentenceEnd = Character.isWhitespace(before) || "。！？；".indexOf(before) >= 0;
                boolean hardCut = w.text().length() >= budget - 1;
                assertTrue(sentenceEnd || passageStarts.contains(cut) || hardCut,
                        d.id() + " cut at " + cut + " after '" + text.substring(Math.max(0, cut - 20), cut) + "'");
                assertFalse(Character.isLowSurrogate(text.charAt(cut)), "cut inside a surrogate pair");
            }
            at = w.end();
        }
        assertEquals(text.length(), at, d.id() + ": the windows cover the text");
    }

    @Test
    void ncbiAbstractsFitOneDefaultWindowAndTileSmallOnes() throws Exception {
        List<Document> docs = TestCorpora.ncbiDevel();
        assertEquals(100, docs.size());
        int multi = 0;
        for (Document d : docs) {
            List<TextWindow> one = TextWindows.split(d, WindowBudget.forLanguage(Language.ENGLISH));
            assertTiles(d, one, WindowBudget.ENGLISH);
            List<TextWindow> small = TextWindows.split(d, new WindowBudget(300));
            assertTiles(d, small, 300);
            if (small.size() > 1) {
                multi++;
                // the title is a passage: the first cut of a small budget never lies inside it
                Passage title = d.passages().get(0);
                assertTrue(small.get(0).end() >= title.span().end() || small.get(0).text().length() >= 299,
                        d.id() + " first window ends inside the title");
            }
        }
        assertTrue(multi > 90, "most abstracts need several 300-char windows, got " + multi);
    }

    @Test
    void cmeeeSentencesTileWithChineseBudgets() throws Exception {
        List<Document> docs = TestCorpora.cmeee();
        assertEquals(500, docs.size());
        int multi = 0;
        for (Document d : docs) {
            assertTiles(d, TextWindows.split(d, WindowBudget.forLanguage(d.language())), WindowBudget.CHINESE);
            List<TextWindow> small = TextWindows.split(d, new WindowBudget(40));
            assertTiles(d, small, 40);
            multi += small.size() > 1 ? 1 : 0;
        }
        assertTrue(multi > 100, "many CMeEE sentences need several 40-char windows, got " + multi);
    }

    @Test
    void aHardCutNeverSplitsASurrogatePair() {
        String text = "\uD840\uDC00".repeat(10);
        Document d = new Document("x", Language.CHINESE, text, List.of(new Passage("p", new Span(0, text.length()))), Map.of(),
                List.of(), List.of());
        for (int budget : new int[] {1, 3, 5, 7}) {
            List<TextWindow> windows = TextWindows.split(d, new WindowBudget(budget));
            int at = 0;
            for (TextWindow w : windows) {
                assertEquals(at, w.start());
                assertFalse(Character.isLowSurrogate(w.text().charAt(0)), "budget " + budget);
                assertFalse(Character.isHighSurrogate(w.text().charAt(w.text().length() - 1)), "budget " + budget);
                at = w.end();
            }
            assertEquals(text.length(), at);
        }
    }
}
