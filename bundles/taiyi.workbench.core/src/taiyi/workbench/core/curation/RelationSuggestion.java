package taiyi.workbench.core.curation;

import java.util.Objects;

import taiyi.workbench.core.model.Relation;

/**
 * A relation a model proposed, with where it came from and how sure the model was. Its head and
 * tail name mention suggestions of the same pre-annotation (by their ids), so accepting the
 * relation can bring its arguments along.
 *
 * @param relation the proposed relation; its id names the suggestion within the document
 * @param modelId the model (e.g. {@code DUTIR-BioNLP/Taiyi-LLM})
 * @param adapterId the adapter loaded on it, or empty
 * @param promptTemplateId the prompt template that asked for it
 * @param round the curation round the model was trained for
 * @param score the model's confidence, e.g. the mean token log-probability of the generated pair
 */
public record RelationSuggestion(Relation relation, String modelId, String adapterId, String promptTemplateId, int round,
        double score) {

    public RelationSuggestion {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(modelId, "modelId");
        adapterId = adapterId == null ? "" : adapterId;
        promptTemplateId = promptTemplateId == null ? "" : promptTemplateId;
        if (round < 0) {
            throw new IllegalArgumentException("round " + round + " is negative");
        }
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("relation suggestion " + relation.id() + " has no score");
        }
    }

    public String id() {
        return relation.id();
    }
}
