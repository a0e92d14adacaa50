package taiyi.workbench.core.curation;

import java.util.Objects;

import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Relation;

/**
 * A relation a model proposed, with where it came from and how sure the model was. Its head and
 * tail name mention suggestions of the same pre-annotation (by their ids), so accepting the
 * relation can bring its arguments along.
 *
 * @param relation the proposed relation; its id names the suggestion within the document
 * @param provenance where it came from: model, adapter, prompt template and round
 * @param score the model's confidence, e.g. the mean token log-probability of the generated pair
 */
public record RelationSuggestion(Relation relation, Provenance provenance, double score) {

    public RelationSuggestion {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(provenance, "provenance");
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("relation suggestion " + relation.id() + " has no score");
        }
    }

    public String id() {
        return relation.id();
    }
}
