package taiyi.workbench.learning.export;

import java.util.List;
import java.util.Objects;

/**
 * One line of Taiyi's instruction data: {@code {conversation_id, category, dataset, language,
 * conversation:[{human, assistant}]}}, as in {@code Taiyi_Instruction_Data_Example.jsonl}.
 *
 * @param id the conversation's number in its file
 * @param category the task, {@code NER}, {@code RE}, {@code TC} (replayed data may have others)
 * @param dataset where it comes from: the corpus name, or what a replayed line said
 * @param language {@code en} or {@code zh} (replayed data may say {@code en-zh} and the like)
 * @param turns the exchanges, at least one
 */
public record Conversation(long id, String category, String dataset, String language, List<ConversationTurn> turns) {

    public Conversation {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(language, "language");
        turns = List.copyOf(turns);
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("a conversation needs at least one turn");
        }
    }

    /** The same conversation under another number. */
    public Conversation numbered(long newId) {
        return new Conversation(newId, category, dataset, language, turns);
    }

    /** What makes two conversations the same for the duplicate filter: their turns, nothing else. */
    String content() {
        StringBuilder b = new StringBuilder();
        for (ConversationTurn t : turns) {
            b.append(t.human()).append('\u0000').append(t.assistant()).append('\u0001');
        }
        return b.toString();
    }
}
