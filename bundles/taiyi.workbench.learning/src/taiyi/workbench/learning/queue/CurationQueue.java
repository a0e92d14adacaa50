package taiyi.workbench.learning.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The queue a curator works through: a strategy's ranking with the exploration share's slots given
 * to random picks from the rest. The same pool, strategy, exploration and seed give the same queue.
 */
public final class CurationQueue {

    private final QueueStrategy strategy;
    private final Exploration exploration;
    private final long seed;

    public CurationQueue(QueueStrategy strategy, Exploration exploration, long seed) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.exploration = Objects.requireNonNull(exploration, "exploration");
        this.seed = seed;
    }

    public QueueStrategy strategy() {
        return strategy;
    }

    /** The share of random picks this queue uses for the pool (higher while little is curated). */
    public double explorationShare(QueuePool pool) {
        return exploration.shareAt(pool.curated().size());
    }

    /**
     * The first {@code limit} documents of the queue (all when {@code limit} is at least the pool's size).
     * A random pick keeps its strategy's score and suggestion order, and says that it was random.
     */
    public List<RankedDocument> next(QueuePool pool, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit is negative: " + limit);
        }
        List<RankedDocument> ranked = new ArrayList<>(strategy.rank(pool));
        double share = explorationShare(pool);
        Random random = new Random(seed);
        List<RankedDocument> out = new ArrayList<>();
        while (!ranked.isEmpty() && out.size() < limit) {
            int slot = out.size() + 1;
            RankedDocument next;
            if (share > 0 && Exploration.isRandomSlot(slot, share)) {
                RankedDocument drawn = ranked.remove(random.nextInt(ranked.size()));
                next = new RankedDocument(slot, drawn.documentId(), RandomStrategy.ID, "exploration: random pick (share "
                        + Figures.format(share) + " with " + pool.curated().size() + " documents curated)", drawn.score(),
                        drawn.suggestions());
            } else {
                next = ranked.remove(0).at(slot);
            }
            out.add(next);
        }
        return out;
    }
}
