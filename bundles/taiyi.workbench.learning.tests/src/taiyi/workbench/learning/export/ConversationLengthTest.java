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
import taiyi.workbench.testing.TestCorpora;

/**
 * The fast count (cached pieces, a window counted once for all its instructions) is exactly what
 * Qwen's tokenizer gives for every conversation of real English and Chinese corpora.
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

    private static void assertExact(List<Document> documents) {
        ConversationLength length = ExportFixtures.length();
        QwenTokenizer qwen = length.tokenizer();
        DocumentConversations renderer = new DocumentConversations(length, EnumSet.allOf(TaskKind.class), 100_000, 3);
        LabelSchema schema = LabelSchema.inferredFrom(documents);
        int checked = 0;
        for (Document d : documents) {
            for (DraftConversation c : renderer.render("c", schema, d).conversations()) {
                int exact = 3 + qwen.encodeText(c.turn().human()).length + qwen.encodeText(c.turn().assistant()).length;
                assertEquals(exact, c.tokens(), d.id() + " window " + c.window() + " " + c.kind() + "/" + c.subtask());
                checked++;
            }
        }
        assertTrue(checked > documents.size(), "checked " + checked + " conversations");
    }
}
