package taiyi.workbench.core.curation;

import java.util.Objects;

import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;

/**
 * A mention a model proposed, with where it came from and how sure the model was.
 *
 * @param mention the proposed mention; its id names the suggestion within the document
 * @param provenance where it came from: model, adapter, prompt template and round
 * @param score the model's confidence, e.g. the mean token log-probability of the generated text
 */
public record Suggestion(EntityMention mention, Provenance provenance, double score) {

    public Suggestion {
        Objects.requireNonNull(mention, "mention");
        Objects.requireNonNull(provenance, "provenance");
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("suggestion " + mention.id() + " has no score");
        }
    }

    public String id() {
        return mention.id();
    }
}
