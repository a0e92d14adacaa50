package taiyi.workbench.core.curation;

import java.util.Objects;

import taiyi.workbench.core.model.Provenance;


/**
 * A document label (text classification) a model proposed, with where it came from and how sure
 * the model was.
 *
 * @param label the label as the corpus label schema names it
 * @param provenance where it came from: model, adapter, prompt template and round
 * @param score the model's confidence, e.g. the mean token log-probability of the generated label
 */
public record LabelSuggestion(String label, Provenance provenance, double score) {

    public LabelSuggestion {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(provenance, "provenance");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label suggestion with a blank label");
        }
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("label suggestion " + label + " has no score");
        }
    }
}
