package taiyi.workbench.inference;

import java.util.Objects;

/**
 * One piece of a rendered prompt: either a control token named by its literal form (e.g.
 * {@code <|endoftext|>}), which the engine maps to its id, or ordinary text, which the engine
 * encodes as text even if it happens to spell a control token.
 */
public sealed interface PromptPiece {

    /** A control token of the model's vocabulary, by its literal form. */
    record Special(String token) implements PromptPiece {
        public Special {
            Objects.requireNonNull(token, "token");
            if (token.isEmpty()) {
                throw new IllegalArgumentException("a special token needs a name");
            }
        }
    }

    /** Text encoded as ordinary text, never as control tokens. */
    record Text(String text) implements PromptPiece {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    static PromptPiece special(String token) {
        return new Special(token);
    }

    static PromptPiece text(String text) {
        return new Text(text);
    }
}
