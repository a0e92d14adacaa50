package taiyi.workbench.curation.graph;

import java.util.List;
import java.util.Objects;

import taiyi.workbench.store.CorpusStore;

/**
 * What a relation graph covers: one document of a corpus, or the whole corpus.
 *
 * @param corpus the corpus
 * @param documentId the document, or null for the whole corpus
 */
public record GraphScope(String corpus, String documentId) {

    public GraphScope {
        Objects.requireNonNull(corpus, "corpus");
    }

    public static GraphScope document(String corpus, String documentId) {
        return new GraphScope(corpus, Objects.requireNonNull(documentId, "documentId"));
    }

    public static GraphScope corpus(String corpus) {
        return new GraphScope(corpus, null);
    }

    public boolean isDocument() {
        return documentId != null;
    }

    /** Whether a change to these documents of a corpus changes this scope's graph. */
    public boolean touchedBy(String changedCorpus, List<String> documentIds) {
        return corpus.equals(changedCorpus) && (!isDocument() || documentIds.contains(documentId));
    }

    /** The scope's documents read down to concepts, as the store holds them now. */
    public List<DocumentRelations> read(CorpusStore store) {
        return isDocument() ? List.of(CorpusRelations.read(store, corpus, documentId)) : CorpusRelations.read(store, corpus);
    }

    @Override
    public String toString() {
        return isDocument() ? "document " + documentId + " of " + corpus : "corpus " + corpus;
    }
}
