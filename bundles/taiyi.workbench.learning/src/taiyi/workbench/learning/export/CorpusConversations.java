package taiyi.workbench.learning.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.inference.task.TaskKind;

/**
 * Renders documents held in memory as numbered conversations, the way a round renders them (in
 * parallel, collected in document order), without a store, a split or any writing: what the
 * benchmark times and what a caller needs to look at the conversations of a few documents.
 */
public final class CorpusConversations {

    private CorpusConversations() {
    }

    public static List<Conversation> render(String corpus, LabelSchema schema, List<Document> documents, Set<TaskKind> tasks,
            int maxTokens, long seed, ConversationLength length) {
        DocumentConversations renderer = new DocumentConversations(length, tasks, maxTokens, seed);
        List<RenderedDocument> rendered = documents.parallelStream().map(d -> renderer.render(corpus, schema, d)).toList();
        List<Conversation> out = new ArrayList<>();
        for (RenderedDocument r : rendered) {
            for (DraftConversation c : r.conversations()) {
                out.add(c.conversation(out.size() + 1));
            }
        }
        return out;
    }
}
