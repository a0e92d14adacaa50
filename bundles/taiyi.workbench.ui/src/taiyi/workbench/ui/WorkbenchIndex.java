package taiyi.workbench.ui;

import taiyi.workbench.index.CorpusIndex;
import taiyi.workbench.index.IndexUpdater;
import taiyi.workbench.index.StaleCorpora;
import taiyi.workbench.store.CorpusStore;

/**
 * The search index the running workbench works on: the Lucene index beside the database folder
 * ({@code index/} in the workbench data folder), opened once beside {@link WorkbenchDatabase}, following the store so every import and decision is
 * searchable at once.
 *
 * <p>When opened it catches up with what happened while nobody followed the store (a CLI import
 * while the workbench held the index lock, a deleted index folder): a corpus whose document count
 * in the index differs from the database's is rebuilt from the database ({@link StaleCorpora}, the
 * rule the CLI's search follows too).
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
                new StaleCorpora(store, opened).rebuild(following);
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
