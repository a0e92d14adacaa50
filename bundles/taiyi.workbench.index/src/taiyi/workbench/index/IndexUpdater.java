package taiyi.workbench.index;

import java.util.List;
import java.util.Optional;

import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.StoreChangeListener;

/**
 * Keeps a {@link CorpusIndex} in step with a {@link CorpusStore}: once {@link #follow following}, every
 * committed change reindexes its documents; otherwise, after a decision is recorded,
 * {@link #reindex} makes the document's new facts searchable at once (near-real-time reader, no
 * commit); {@link #rebuild} rereads a whole corpus, so an index that was deleted, or went stale
 * through a CLI import, is whole again.
 */
public final class IndexUpdater {

    private final CorpusStore store;
    private final CorpusIndex index;
    private final StoreChangeListener follower = this::reindexAll;

    public IndexUpdater(CorpusStore store, CorpusIndex index) {
        this.store = store;
        this.index = index;
    }

    /**
     * Makes the index follow the store from now on: every committed import, decision or suggestion
     * batch reindexes its documents, searchable at once through the near-real-time reader.
     */
    public IndexUpdater follow() {
        store.addChangeListener(follower);
        return this;
    }

    /** Stops following the store. */
    public void unfollow() {
        store.removeChangeListener(follower);
    }

    private void reindexAll(String corpus, List<String> documentIds) {
        for (String id : documentIds) {
            Optional<IndexedDocument> d = load(corpus, id);
            if (d.isPresent()) {
                index.index(d.get());
            } else {
                index.delete(corpus, id);
            }
        }
        index.refresh();
    }

    /** What the store holds of one document, as the index wants it; empty when the store has no such document. */
    public Optional<IndexedDocument> load(String corpus, String documentId) {
        Optional<Document> curated = store.document(corpus, documentId);
        return curated.map(d -> assemble(corpus, d));
    }

    private IndexedDocument assemble(String corpus, Document curated) {
        CurationFold fold = store.fold(corpus, curated.id());
        return new IndexedDocument(corpus, curated, store.suggestions(corpus, curated.id()), fold.decisions(), fold.state());
    }

    /** Reindexes one document (removing it when the store no longer has it) and makes it searchable. */
    public void reindex(String corpus, String documentId) {
        reindexAll(corpus, List.of(documentId));
    }

    /**
     * Replaces the corpus's documents in the index with what the store holds, commits and refreshes.
     *
     * @return the number of documents indexed
     */
    public int rebuild(String corpus) {
        List<Document> documents = store.allDocuments(corpus);
        index.deleteCorpus(corpus);
        for (Document d : documents) {
            index.index(assemble(corpus, d));
        }
        index.commit();
        index.refresh();
        return documents.size();
    }
}
