package taiyi.workbench.learning.queue;

import java.util.List;
import java.util.Objects;

/**
 * A document's place in the queue.
 *
 * @param rank 1 for the next document to curate
 * @param documentId the document
 * @param strategy the strategy that placed it ({@code random} for an exploration pick)
 * @param reason why, in words a curator understands (e.g. the suggestion the model hesitates on)
 * @param score the strategy's figure: higher is curated sooner; comparable only within one strategy
 * @param suggestions the document's suggestions, the most uncertain (or most disputed) first
 */
public record RankedDocument(int rank, String documentId, String strategy, String reason, double score,
        List<UncertainSuggestion> suggestions) {

    public RankedDocument {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(reason, "reason");
        suggestions = List.copyOf(suggestions);
    }

    /** This document at another rank (after exploration reorders the list). */
    public RankedDocument at(int newRank) {
        return new RankedDocument(newRank, documentId, strategy, reason, score, suggestions);
    }
}
