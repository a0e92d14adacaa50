package taiyi.workbench.learning.export;

import java.util.Objects;

/**
 * One exchange of a training conversation.
 *
 * @param human the instruction (the user's turn)
 * @param assistant the answer the model is trained to give
 */
public record ConversationTurn(String human, String assistant) {

    public ConversationTurn {
        Objects.requireNonNull(human, "human");
        Objects.requireNonNull(assistant, "assistant");
    }
}
