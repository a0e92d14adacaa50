package taiyi.workbench.learning.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.testing.TestCorpora;

/**
 * The export of BC5CDR training + development is byte for byte what it was before the length check
 * learnt to decide on an upper bound: the SHA-256 of the JSON Lines and of each document's drops and
 * inexpressible counts (one line per document: id, counts, drops) were taken, with {@code sha256sum},
 * from files the round export of commit 50ee8ee wrote (7.9 MB; too big to keep as test data). At the
 * paper's 1,024 tokens no conversation is dropped; at 400, 1,652 are, each named with its exact count,
 * so the boundary between kept and dropped is checked on real data too.
 */
class UnchangedExportTest {

    @Test
    void bc5cdrAtTheDefaultMaximumIsUnchanged() throws Exception {
        assertUnchanged(RoundRequest.MAX_TOKENS, "998f2137060659c2421edcf05492e2c706d5717d7339d239c4b7657e0e3dbef0",
                "bedc928368d3ddf44c64059e5db5993cbad867cb44ff817cc96006cfa4418a2d");
    }

    @Test
    void bc5cdrAt400TokensDropsAndKeepsExactlyWhatItDid() throws Exception {
        assertUnchanged(400, "052834d233c8db6f591ef2b093300a22752d5b57f9058d616fd1ce05f8fe7f74",
                "d6b81f568bfb50a33a0f783325350550fffce11955c202acdbc7f1d8f14c6543");
    }

    private static void assertUnchanged(int maxTokens, String linesSha256, String dropsSha256) throws Exception {
        List<Document> documents = new ArrayList<>(ExportFixtures.bc5cdrTraining());
        documents.addAll(TestCorpora.bc5cdrDevel());
        LabelSchema schema = LabelSchema.inferredFrom(documents);
        // a fresh measure, as a round export starts with: nothing counted yet
        ConversationLength length = new ConversationLength(ExportFixtures.length().tokenizer());
        DocumentConversations renderer = new DocumentConversations(length, EnumSet.allOf(TaskKind.class), maxTokens, RoundRequest.SEED);
        List<Conversation> conversations = new ArrayList<>();
        StringBuilder drops = new StringBuilder();
        for (Document d : documents) {
            RenderedDocument r = renderer.render("bc5cdr", schema, d);
            for (DraftConversation c : r.conversations()) {
                conversations.add(c.conversation(conversations.size() + 1));
            }
            drops.append(d.id()).append(' ').append(r.inexpressible()).append(' ').append(r.drops()).append('\n');
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        ConversationLines.write(conversations, lines);
        assertEquals(linesSha256, sha256(lines.toByteArray()), "the JSON Lines of " + conversations.size() + " conversations");
        assertEquals(dropsSha256, sha256(drops.toString().getBytes(StandardCharsets.UTF_8)), "the drops and inexpressible counts");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
