package taiyi.workbench.inference.prompt;

import java.util.List;

/** The shape every template expects of a conversation: user first, alternating, ending with the user. */
final class ConversationTurns {

    private ConversationTurns() {
    }

    /** @throws IllegalArgumentException naming the template and what is wrong with the turns */
    static List<String> check(String templateId, List<String> turns) {
        if (turns == null || turns.isEmpty()) {
            throw new IllegalArgumentException(templateId + ": a conversation needs at least the user's turn");
        }
        if (turns.size() % 2 == 0) {
            throw new IllegalArgumentException(templateId + ": " + turns.size()
                    + " turns end with the assistant's; the last turn must be the user's");
        }
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i) == null) {
                throw new IllegalArgumentException(templateId + ": turn " + i + " is null");
            }
        }
        return List.copyOf(turns);
    }
}
