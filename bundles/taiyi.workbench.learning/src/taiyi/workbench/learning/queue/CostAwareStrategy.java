package taiyi.workbench.learning.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Informativeness per expected second (Wei et al. 2019): another strategy's score divided by the
 * seconds the document is expected to take, one logged decision's mean duration per suggestion
 * plus one to finish ({@link DecisionCost}). Among equally uncertain documents the quicker one comes
 * first.
 */
public final class CostAwareStrategy implements QueueStrategy {

    public static final String ID = "cost";

    private final QueueStrategy base;

    public CostAwareStrategy(QueueStrategy base) {
        this.base = base;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<RankedDocument> rank(QueuePool pool) {
        Map<String, Integer> order = new HashMap<>();
        Map<String, Integer> suggestions = new HashMap<>();
        for (QueueCandidate c : pool.candidates()) {
            order.put(c.documentId(), order.size());
            // one decision per distinct place a curator must look at, not per source that suggested it
            suggestions.put(c.documentId(), (int) c.suggestionsByUncertainty().stream()
                    .map(u -> u.mention().start() + ":" + u.mention().end() + ":" + u.mention().type()).distinct().count());
        }
        List<RankedDocument> scored = new ArrayList<>();
        for (RankedDocument r : base.rank(pool)) {
            int n = suggestions.get(r.documentId());
            double seconds = pool.cost().expectedSeconds(n);
            String reason = base.id() + " " + Figures.format(r.score()) + " per " + Figures.format(seconds) + " s expected ("
                    + (n + 1) + " decisions × " + Figures.format(pool.cost().secondsPerDecision()) + " s); " + r.reason();
            scored.add(new RankedDocument(0, r.documentId(), ID, reason, r.score() / seconds, r.suggestions()));
        }
        scored.sort(Comparator.comparingDouble((RankedDocument r) -> -r.score()).thenComparingInt(r -> order.get(r.documentId())));
        List<RankedDocument> out = new ArrayList<>();
        for (RankedDocument r : scored) {
            out.add(r.at(out.size() + 1));
        }
        return out;
    }
}
