package taiyi.workbench.learning.queue;

import java.util.List;
import java.util.Objects;

import taiyi.workbench.core.model.Document;

/**
 * What a strategy ranks from: the documents still to curate and what is known around them.
 *
 * @param candidates the documents still to curate, in the corpus's order (ties keep it)
 * @param curated the documents already curated (diversity avoids their near-duplicates; their
 *     number sets the exploration share at cold start)
 * @param cost what a decision costs, from the correction log
 */
public record QueuePool(List<QueueCandidate> candidates, List<Document> curated, DecisionCost cost) {

    public QueuePool {
        candidates = List.copyOf(candidates);
        curated = List.copyOf(curated);
        Objects.requireNonNull(cost, "cost");
    }

    /** A pool of candidates with nothing curated yet and the default decision cost (a simulation's start). */
    public static QueuePool of(List<QueueCandidate> candidates) {
        return new QueuePool(candidates, List.of(), DecisionCost.DEFAULT);
    }
}
