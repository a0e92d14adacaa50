package taiyi.workbench.learning.export;

import java.util.List;
import java.util.Map;

/**
 * What one curated document gave a round.
 *
 * @param corpus its corpus
 * @param documentId its id
 * @param conversations the conversations that fit, in window and task order
 * @param inexpressible what its curated layer holds that the tasks' answers cannot give back, by reason
 * @param drops conversations that did not fit and constraint problems, each named
 */
record RenderedDocument(String corpus, String documentId, List<DraftConversation> conversations,
        Map<String, Integer> inexpressible, List<Drop> drops) {
}
