package taiyi.workbench.core.model;

import java.util.Objects;

/**
 * Where a suggestion came from: enough to ask the same question of the same model again. How sure
 * the model was is the suggestion's own score, not part of where it came from, so one pre-annotation
 * run shares one provenance across all its suggestions.
 *
 * @param modelId the model (e.g. {@code DUTIR-BioNLP/Taiyi-LLM})
 * @param adapterId the adapter loaded on it, or empty
 * @param promptTemplateId the prompt template that asked for it (the model's template and the
 *        instruction wording, e.g. {@code taiyi1/ner-en-3}), or empty
 * @param round the curation round the model was trained for
 */
public record Provenance(String modelId, String adapterId, String promptTemplateId, int round) {

    public Provenance {
        Objects.requireNonNull(modelId, "modelId");
        adapterId = adapterId == null ? "" : adapterId;
        promptTemplateId = promptTemplateId == null ? "" : promptTemplateId;
        if (round < 0) {
            throw new IllegalArgumentException("round " + round + " is negative");
        }
    }

    /** This provenance asked by the instruction wording {@code wordingId} of its prompt template. */
    public Provenance withWording(String wordingId) {
        return new Provenance(modelId, adapterId, promptTemplateId + "/" + wordingId, round);
    }
}
