package taiyi.workbench.index;

import java.util.ArrayList;
import java.util.List;

import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.CorpusSummary;

/**
 * The one rule for when the search index no longer reflects the database, used by the workbench
 * when it opens the index and by the CLI before it searches: a corpus is stale when the index holds
 * a different number of its documents than the database does. That catches a corpus never indexed
 * (a CLI import while the workbench held the index lock), a deleted index folder, and documents
 * added or removed while nobody followed the store — not only an empty index.
 */
public final class StaleCorpora {

    private final CorpusStore store;
    private final CorpusIndex index;

    public StaleCorpora(CorpusStore store, CorpusIndex index) {
        this.store = store;
        this.index = index;
    }

    /** Whether the index holds a different number of the corpus's documents than the database (a corpus the database lacks has none). */
    public boolean isStale(String corpus) {
        int stored = store.statistics().corpora().stream().filter(c -> c.name().equals(corpus)).mapToInt(CorpusSummary::documents)
                .findFirst().orElse(0);
        return index.documentCount(corpus) != stored;
    }

    /** The database's corpora that are stale, in the database's order. */
    public List<String> names() {
        List<String> stale = new ArrayList<>();
        for (CorpusSummary corpus : store.statistics().corpora()) {
            if (index.documentCount(corpus.name()) != corpus.documents()) {
                stale.add(corpus.name());
            }
        }
        return stale;
    }

    /** Rebuilds every stale corpus from the database with the updater; returns their names. */
    public List<String> rebuild(IndexUpdater updater) {
        List<String> stale = names();
        stale.forEach(updater::rebuild);
        return stale;
    }
}
