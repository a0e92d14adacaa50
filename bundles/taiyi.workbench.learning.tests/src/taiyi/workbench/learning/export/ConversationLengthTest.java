package taiyi.workbench.learning.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.inference.task.TextWindow;
import taiyi.workbench.inference.task.TextWindows;
import taiyi.workbench.inference.task.WindowBudget;
import taiyi.workbench.testing.TestCorpora;

/**
 * The fast count (cached pieces, a window counted once for all its instructions) is exactly what
 * Qwen's tokenizer gives for every conversation of real English and Chinese corpora, and the fast
 * check (an upper bound first) says a conversation fits exactly when its count does.
 */
class ConversationLengthTest {

    @Test
    void countsEveryBc5cdrConversationExactly() throws Exception {
        assertExact(ExportFixtures.bc5cdrTraining().subList(0, 200));
    }

    @Test
    void countsEveryCmeeeAndNcbiConversationExactly() throws Exception {
        assertExact(TestCorpora.cmeee());
        assertExact(TestCorpora.ncbiDevel());
    }

    @Test
    void aConversationIsItsTurnsPlusOneEndOfTextBeforeAndOneAfterEachTurn() {
        ConversationLength length = ExportFixtures.length();
        QwenTokenizer qwen = length.tokenizer();
        List<ConversationTurn> turns = List.of(new ConversationTurn("Identify Chemical entities: cisplatin.", "Chemical: cisplatin"),
                new ConversationTurn("识别疾病实体：糖尿病足", "疾病：糖尿病足"));
        int expected = 1;
        for (ConversationTurn t : turns) {
            expected += qwen.encodeText(t.human()).length + qwen.encodeText(t.assistant()).length + 2;
        }
        assertEquals(expected, length.of(turns));
    }

    /**
     * Every conversation: the count through its window's pieces is Qwen's, and whether it fits is
     * decided right at the boundary (one token under its length, at it, well over it), on a fresh
     * measure where nothing is counted yet as on one that counted the corpus before.
     */
    private static void assertExact(List<Document> documents) {
        QwenTokenizer qwen = ExportFixtures.length().tokenizer();
        DocumentConversations renderer = new DocumentConversations(ExportFixtures.length(), EnumSet.allOf(TaskKind.class), 100_000, 3);
        LabelSchema schema = LabelSchema.inferredFrom(documents);
        ConversationLength fresh = new ConversationLength(qwen);
        int checked = 0;
        for (Document d : documents) {
            List<TextWindow> windows = TextWindows.split(d, WindowBudget.forLanguage(d.language()));
            for (DraftConversation c : renderer.render("c", schema, d).conversations()) {
                String human = c.turn().human();
                String answer = c.turn().assistant();
                int exact = 3 + qwen.encodeText(human).length + qwen.encodeText(answer).length;
                String windowText = windows.get(c.window()).text().strip();
                int at = human.indexOf(windowText);
                assertTrue(at >= 0, "the instruction carries its window");
                String where = d.id() + " window " + c.window() + " " + c.kind() + "/" + c.subtask();
                for (ConversationLength length : List.of(fresh, ExportFixtures.length())) {
                    ConversationLength.WindowPieces pieces = length.window(windowText);
                    assertTrue(length.fits(human, at, pieces, answer, exact + 1000), where);
                    assertEquals(false, length.fits(human, at, pieces, answer, exact - 1), where);
                    assertTrue(length.fits(human, at, pieces, answer, exact), where);
                    assertEquals(exact, length.of(human, at, pieces, answer), where);
                }
                checked++;
            }
        }
        assertTrue(checked > documents.size(), "checked " + checked + " conversations");
    }
}
