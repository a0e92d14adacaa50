package taiyi.workbench.learning.export;

import java.util.Map;

import taiyi.workbench.core.model.Language;
import taiyi.workbench.inference.task.TaskKind;

/**
 * A conversation rendered from a window of a curated document, before the round numbers it.
 *
 * @param corpus the source corpus
 * @param documentId the source document
 * @param window the window's index in the document
 * @param kind the task
 * @param subtask what of the task it asks: {@code all} types, one type's name, {@code pairs} or {@code triples}
 * @param language the document's language
 * @param wordingId the instruction wording used
 * @param turn the instruction and the answer
 * @param itemsByType the mentions, relations or labels the answer names, by type
 */
record DraftConversation(String corpus, String documentId, int window, TaskKind kind, String subtask, Language language,
        String wordingId, ConversationTurn turn, Map<String, Integer> itemsByType) {

    Conversation conversation(long id) {
        return new Conversation(id, kind.name(), corpus, language.code(), java.util.List.of(turn));
    }
}
