package taiyi.workbench.curation.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.curation.AnnotationModel;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.StoreException;

/** Reads every document of a corpus down to its concepts and relations, in import order. */
public final class CorpusRelations {

    private CorpusRelations() {
    }

    /**
     * Each document's curated layer (the fold of its log) and open relation suggestions, as concepts.
     * The curated layers of the whole corpus come from the store's curated rows, which mirror each
     * fold, in one query per table; only a document with suggestions is read on its own (most
     * documents of a corpus have none).
     *
     * @throws IllegalArgumentException when the corpus does not exist
     */
    public static List<DocumentRelations> read(CorpusStore store, String corpus) {
        List<Document> documents;
        try {
            documents = store.documents().allDocuments(corpus);
        } catch (StoreException e) {
            if (store.statistics().corpora().stream().noneMatch(c -> c.name().equals(corpus))) {
                throw new IllegalArgumentException("no corpus '" + corpus + "' in " + store.folder(), e);
            }
            throw e;
        }
        Set<String> suggested = documents.isEmpty() ? Set.of() : store.suggestions().documentsWithSuggestions(corpus);
        List<DocumentRelations> out = new ArrayList<>(documents.size());
        for (Document d : documents) {
            out.add(suggested.contains(d.id()) ? read(store, corpus, d.id())
                    : DocumentRelations.of(d.id(), AnnotationModel.curatedOnly(d)));
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
