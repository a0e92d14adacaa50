package taiyi.workbench.curation.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.curation.AnnotationModel;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.DocumentSummary;

/** Reads every document of a corpus down to its concepts and relations, in import order. */
public final class CorpusRelations {

    private CorpusRelations() {
    }

    /**
     * Each document's curated layer (the fold of its log) and open relation suggestions, as concepts.
     *
     * @throws taiyi.workbench.store.StoreException when the corpus does not exist
     */
    public static List<DocumentRelations> read(CorpusStore store, String corpus) {
        List<DocumentSummary> summaries = store.documents().summaries(corpus);
        if (summaries.isEmpty() && store.statistics().corpora().stream().noneMatch(c -> c.name().equals(corpus))) {
            throw new IllegalArgumentException("no corpus '" + corpus + "' in " + store.folder());
        }
        // most documents of a corpus have no suggestions: their empty layers are not read
        Set<String> suggested = store.suggestions().documentsWithSuggestions(corpus);
        List<DocumentRelations> out = new ArrayList<>(summaries.size());
        for (DocumentSummary s : summaries) {
            if (suggested.contains(s.id())) {
                out.add(read(store, corpus, s.id()));
            } else {
                Document body = store.documents().documentBody(corpus, s.id()).orElseThrow(
                        () -> new IllegalArgumentException("document " + s.id() + " is not in corpus '" + corpus + "'"));
                AnnotationModel model = new AnnotationModel(body.text());
                model.setCurated(store.log().fold(corpus, s.id()));
                out.add(DocumentRelations.of(s.id(), model));
            }
        }
        return out;
    }

    /** One document of a corpus, read afresh (after a change to it). */
    public static DocumentRelations read(CorpusStore store, String corpus, String documentId) {
        AnnotationModel model = AnnotationModel.read(store, corpus, documentId).orElseThrow(
                () -> new IllegalArgumentException("document " + documentId + " is not in corpus '" + corpus + "'"));
        return DocumentRelations.of(documentId, model);
    }
}
