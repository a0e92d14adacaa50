package taiyi.workbench.learning.learner;

import java.util.List;
import java.util.Objects;

/**
 * What a model says about one document, with the sequence-level figures the queue's strategies rank by.
 *
 * @param documentId the document's id
 * @param mentions the predicted mentions, in text order
 * @param tokens how many units the model labelled (tokens for English, characters for Chinese)
 * @param bestSequenceLogProbability log P of the most likely labelling of the whole document (for least
 *     confidence and MNLP); 0 for a model without a sequence probability
 * @param smallestTokenMargin the smallest best-minus-runner-up marginal over all units, mentions or not
 *     (a near miss that was left unannotated counts too); 1 for a model without marginals
 * @param meanTokenMargin the mean over all units of that margin (over every layer's units for a tagger
 *     of several layers), how much of the document the model hesitates on regardless of its length;
 *     NaN for a model without marginals
 */
public record DocumentPrediction(String documentId, List<PredictedMention> mentions, int tokens,
        double bestSequenceLogProbability, double smallestTokenMargin, double meanTokenMargin) {

    public DocumentPrediction {
        Objects.requireNonNull(documentId, "documentId");
        mentions = List.copyOf(mentions);
    }

    /** A prediction without unit marginals (a dictionary's, stored suggestions'). */
    public DocumentPrediction(String documentId, List<PredictedMention> mentions, int tokens, double bestSequenceLogProbability,
            double smallestTokenMargin) {
        this(documentId, mentions, tokens, bestSequenceLogProbability, smallestTokenMargin, Double.NaN);
    }

    /** Whether the model gave a margin for every unit ({@link #meanTokenMargin} is a number). */
    public boolean hasUnitMarginals() {
        return !Double.isNaN(meanTokenMargin);
    }
}
