package taiyi.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;

import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;

/** The store's central promise, checked from outside: a document's curated rows are the fold of its log. */
final class CuratedLayerAssertions {

    private CuratedLayerAssertions() {
    }

    /**
     * Asserts that the curated layer and curation state of a document are what its log folds to
     * (mentions and relations compared by id: the rows' order is insertion order, the fold's is not).
     *
     * @return the document's log, for further checks
     */
    static List<CorrectionEvent> assertCuratedLayerIsTheFold(CorpusStore store, String corpus, String documentId) {
        List<CorrectionEvent> events = store.log().events(corpus, documentId);
        CurationFold fold = CurationFold.of(events);
        Document stored = store.documents().document(corpus, documentId).orElseThrow();
        assertEquals(byId(fold.curated().mentions(), EntityMention::id), byId(stored.mentions(), EntityMention::id),
                () -> "curated mentions of " + documentId + " differ from the fold of its " + events.size() + " events");
        assertEquals(byId(fold.curated().relations(), Relation::id), byId(stored.relations(), Relation::id),
                () -> "curated relations of " + documentId + " differ from the fold of its " + events.size() + " events");
        assertEquals(fold.state(), store.log().curation(corpus, documentId).state(), () -> "curation state of " + documentId);
        return events;
    }

    private static <T> List<T> byId(List<T> annotations, java.util.function.Function<T, String> id) {
        return annotations.stream().sorted(Comparator.comparing(id)).toList();
    }
}
