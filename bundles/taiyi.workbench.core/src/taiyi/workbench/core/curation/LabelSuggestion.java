package taiyi.workbench.core.curation;

import java.util.Objects;

/**
 * A document label (text classification) a model proposed, with where it came from and how sure
 * the model was.
 *
 * @param label the label as the corpus label schema names it
 * @param modelId the model (e.g. {@code DUTIR-BioNLP/Taiyi-LLM})
 * @param adapterId the adapter loaded on it, or empty
 * @param promptTemplateId the prompt template that asked for it
 * @param round the curation round the model was trained for
 * @param score the model's confidence, e.g. the mean token log-probability of the generated label
 */
public record LabelSuggestion(String label, String modelId, String adapterId, String promptTemplateId, int round,
        double score) {

    public LabelSuggestion {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(modelId, "modelId");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label suggestion with a blank label");
        }
        adapterId = adapterId == null ? "" : adapterId;
        promptTemplateId = promptTemplateId == null ? "" : promptTemplateId;
        if (round < 0) {
            throw new IllegalArgumentException("round " + round + " is negative");
        }
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("label suggestion " + label + " has no score");
        }
    }
}
