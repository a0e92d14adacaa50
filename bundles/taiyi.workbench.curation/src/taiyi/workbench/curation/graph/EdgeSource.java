package taiyi.workbench.curation.graph;

import java.util.List;

import taiyi.workbench.core.model.Span;

/**
 * Where an edge comes from: one relation or relation suggestion of one document.
 *
 * @param documentId the document
 * @param annotationId the relation's id, or the relation suggestion's id
 * @param evidence the text that states it, possibly none
 */
public record EdgeSource(String documentId, String annotationId, List<Span> evidence) {

    public EdgeSource {
        evidence = List.copyOf(evidence);
    }
}
