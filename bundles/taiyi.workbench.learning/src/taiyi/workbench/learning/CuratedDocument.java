package taiyi.workbench.learning;

import java.util.Objects;

import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.Document;

/**
 * A document with its curated layer as it stands, which is what learners train on, evaluation scores
 * against and the round export writes out.
 *
 * @param corpus the corpus name
 * @param document the document, its entity mentions and relations being the curated layer
 * @param state where it stands in curation
 */
public record CuratedDocument(String corpus, Document document, CurationState state) {

    public CuratedDocument {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(state, "state");
    }
}
