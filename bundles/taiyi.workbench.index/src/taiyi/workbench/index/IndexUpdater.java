package taiyi.workbench.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private final StoreChangeListener backgroundFollower = this::enqueue;
    /** Documents changed since the background follower last ran, by corpus, in order. */
    private final Map<String, Set<String>> pending = new LinkedHashMap<>();
    private ExecutorService background;
    /**
     * Held while documents are written: a rebuild adds its documents without replacing (no delete
     * terms for Lucene to resolve), which is right only if no reindex of the same documents lands
     * between its snapshot of the store and its last add; a change committed meanwhile waits and is
     * applied after, replacing the rebuild's copy.
     */
    private final Object writing = new Object();

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

    /**
     * Follows the store on a background thread instead (the workbench's way): the decision that
     * changed a document returns at once rather than after reindexing it (a 100,000-char document
     * takes tens of ms), and a burst of decisions on one document reindexes it once.
     * {@link #awaitCaughtUp} waits for what was committed before the call.
     */
    public synchronized IndexUpdater followInBackground() {
        if (background == null) {
            background = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "taiyi-index-follower");
                t.setDaemon(true);
                return t;
            });
            store.addChangeListener(backgroundFollower);
        }
        return this;
    }

    private void enqueue(String corpus, List<String> documentIds) {
        boolean idle;
        synchronized (pending) {
            idle = pending.isEmpty();
            pending.computeIfAbsent(corpus, k -> new LinkedHashSet<>()).addAll(documentIds);
        }
        if (idle) {
            background.execute(this::drain);
        }
    }

    private void drain() {
        Map<String, Set<String>> batch;
        synchronized (pending) {
            batch = new LinkedHashMap<>(pending);
            pending.clear();
        }
        batch.forEach((corpus, ids) -> {
            try {
                reindexAll(corpus, new ArrayList<>(ids));
            } catch (RuntimeException e) {
                // the store has the change; the index catches up at its next rebuild
                System.getLogger(IndexUpdater.class.getName()).log(System.Logger.Level.WARNING,
                        "could not reindex " + ids.size() + " documents of corpus " + corpus, e);
            }
        });
    }

    /**
     * Waits until the background follower has indexed every change committed before this call.
     *
     * @return false when it has not within the time given
     */
    public boolean awaitCaughtUp(long timeout, TimeUnit unit) {
        ExecutorService executor;
        synchronized (this) {
            executor = background;
        }
        if (executor == null) {
            return true;
        }
        Future<?> marker = executor.submit(() -> { });
        try {
            marker.get(timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /** Stops following the store (finishing what the background follower has queued). */
    public void unfollow() {
        store.removeChangeListener(follower);
        ExecutorService executor;
        synchronized (this) {
            executor = background;
            background = null;
        }
        if (executor != null) {
            store.removeChangeListener(backgroundFollower);
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void reindexAll(String corpus, List<String> documentIds) {
        synchronized (writing) {
            reindexAllNow(corpus, documentIds);
        }
    }

    private void reindexAllNow(String corpus, List<String> documentIds) {
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
        Optional<Document> curated = store.documents().document(corpus, documentId);
        return curated.map(d -> assemble(corpus, d));
    }

    private IndexedDocument assemble(String corpus, Document curated) {
        CurationFold fold = store.log().fold(corpus, curated.id());
        return new IndexedDocument(corpus, curated, store.suggestions().suggestions(corpus, curated.id()), fold.decisions(), fold.state());
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
        synchronized (writing) {
            List<Document> documents = store.documents().allDocuments(corpus);
            index.deleteCorpus(corpus);
            for (Document d : documents) {
                index.add(assemble(corpus, d));
            }
            index.commit();
            index.refresh();
            return documents.size();
        }
    }
}
