package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import taiyi.workbench.index.CorpusIndex;
import taiyi.workbench.index.IndexException;
import taiyi.workbench.index.IndexUpdater;
import taiyi.workbench.store.CorpusStore;

/**
 * The search index kept in step with a command's changes to the store, when it can be opened: a
 * workbench holding the index's write lock leaves it to a later {@code taiyi index rebuild}, with a
 * warning, rather than failing the command's real work.
 */
final class FollowingIndex implements AutoCloseable {

    private final CorpusIndex index;
    private final IndexUpdater updater;

    private FollowingIndex(CorpusIndex index, IndexUpdater updater) {
        this.index = index;
        this.updater = updater;
    }

    static FollowingIndex open(CorpusStore store, Path folder, PrintWriter err) {
        try {
            CorpusIndex index = CorpusIndex.open(folder);
            return new FollowingIndex(index, new IndexUpdater(store, index).follow());
        } catch (IndexException e) {
            err.println("taiyi: the search index in " + folder + " is not updated (" + e.getMessage()
                    + "); run 'taiyi index rebuild' later");
            return new FollowingIndex(null, null);
        }
    }

    @Override
    public void close() {
        if (index != null) {
            updater.unfollow();
            index.close();
        }
    }
}
