package taiyi.workbench.learning.queue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The baseline every other strategy is measured against: the candidates in a seeded random order. */
public final class RandomStrategy implements QueueStrategy {

    public static final String ID = "random";

    private final long seed;

    public RandomStrategy(long seed) {
        this.seed = seed;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<RankedDocument> rank(QueuePool pool) {
        List<QueueCandidate> order = new ArrayList<>(pool.candidates());
        Collections.shuffle(order, new Random(seed));
        List<RankedDocument> out = new ArrayList<>();
        int n = order.size();
        for (QueueCandidate c : order) {
            // the score only restates the drawn order, so that higher still means sooner
            out.add(new RankedDocument(out.size() + 1, c.documentId(), ID, "random pick (seed " + seed + ")",
                    n - out.size(), c.suggestionsByUncertainty()));
        }
        return out;
    }
}
