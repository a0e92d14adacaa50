package taiyi.workbench.curation.graph;

import java.util.List;
import java.util.Objects;

import taiyi.workbench.core.model.Span;

/**
 * A relation of one document read down to concepts: a curated relation or an open relation
 * suggestion.
 *
 * @param annotationId the relation's id (curated) or the relation suggestion's id (suggested), in its document
 * @param type the relation type, e.g. {@code CID}
 * @param head the head's concept key (see {@link DocumentRelations#conceptKey})
 * @param tail the tail's concept key
 * @param status curated, or an open suggestion
 * @param score the model's score of a suggestion; NaN for a curated relation
 * @param evidence the text that states it, possibly none
 */
public record ConceptRelation(String annotationId, String type, String head, String tail, EdgeStatus status, double score,
        List<Span> evidence) {

    public ConceptRelation {
        Objects.requireNonNull(annotationId, "annotationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(tail, "tail");
        Objects.requireNonNull(status, "status");
        evidence = List.copyOf(evidence);
    }
}
