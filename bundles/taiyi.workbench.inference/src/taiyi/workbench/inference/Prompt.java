package taiyi.workbench.inference;

import java.util.List;
import java.util.Objects;

/**
 * A prompt rendered by a model's template, ready for an engine.
 *
 * @param templateId the template that rendered it (kept as the suggestions' provenance)
 * @param pieces control tokens and text, in order
 * @param stopTokens control tokens that end the answer (literal forms)
 */
public record Prompt(String templateId, List<PromptPiece> pieces, List<String> stopTokens) {

    public Prompt {
        Objects.requireNonNull(templateId, "templateId");
        pieces = List.copyOf(pieces);
        stopTokens = List.copyOf(stopTokens);
    }

    /** The prompt as one string, for logs and for engines that take text (HTTP back ends). */
    public String asText() {
        StringBuilder out = new StringBuilder();
        for (PromptPiece piece : pieces) {
            out.append(piece instanceof PromptPiece.Special s ? s.token() : ((PromptPiece.Text) piece).text());
        }
        return out.toString();
    }
}
