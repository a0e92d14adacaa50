package taiyi.workbench.ui;

import java.util.ArrayList;
import java.util.List;

import taiyi.workbench.index.CorpusIndex;
import taiyi.workbench.index.IndexUpdater;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.CorpusSummary;

/**
 * The search index the running workbench works on: the Lucene index beside the database folder
 * ({@code index/} in the workbench data folder), opened once beside {@link WorkbenchDatabase}, following the store so every import and decision is
 * searchable at once.
 *
 * <p>When opened it catches up with what happened while nobody followed the store (a CLI import
 * while the workbench held the index lock, a deleted index folder): a corpus whose document count
 * in the index differs from the database's is rebuilt from the database.
 */
public final class WorkbenchIndex {

    private static CorpusIndex index;
    private static IndexUpdater updater;

    private WorkbenchIndex() {
    }

    /** The open index, opened (and brought up to date) on first use. */
    public static synchronized CorpusIndex index() {
        if (index == null) {
            CorpusStore store = WorkbenchDatabase.store();
            CorpusIndex opened = CorpusIndex.open(CorpusIndex.folderFor(store.folder()));
            IndexUpdater following = new IndexUpdater(store, opened).followInBackground();
            try {
                rebuildStale(store, opened, following);
            } catch (RuntimeException e) {
                following.unfollow();
                opened.close();
                throw e;
            }
            index = opened;
            updater = following;
        }
        return index;
    }

    /** Rebuilds the corpora the index holds a different number of documents of; returns their names. */
    static List<String> rebuildStale(CorpusStore store, CorpusIndex index, IndexUpdater updater) {
        List<String> rebuilt = new ArrayList<>();
        for (CorpusSummary corpus : store.statistics().corpora()) {
            if (index.documentCount(corpus.name()) != corpus.documents()) {
                updater.rebuild(corpus.name());
                rebuilt.add(corpus.name());
            }
        }
        return rebuilt;
    }

    /**
     * Waits (a few seconds at most) until the index holds every change committed so far: the index
     * follows the store in the background, so a decision never waits for reindexing, but a search
     * should see it.
     */
    public static void awaitCaughtUp() {
        IndexUpdater following;
        synchronized (WorkbenchIndex.class) {
            following = updater;
        }
        if (following != null) {
            following.awaitCaughtUp(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Stops following the store and closes the index, committing it (at workbench shutdown). */
    public static synchronized void close() {
        if (index != null) {
            updater.unfollow();
            index.close();
            index = null;
            updater = null;
        }
    }
}
