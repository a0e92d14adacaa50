package taiyi.workbench.learning.queue;

import java.util.List;

import taiyi.workbench.learning.learner.DocumentPrediction;

/**
 * Margin normalised by length: the mean over the document's units of one minus the unit's
 * best-minus-runner-up marginal, so that a document counts by how much of it the model hesitates on,
 * not by how long it is. Document-level margin (the smallest margin anywhere) and least confidence
 * both grow with length, so they buy long documents, and in tokens, the cost a curator pays, that
 * spends the savings (Settles and Craven 2008; Kholghi et al. 2016 normalise for the same reason).
 * A source without unit marginals (the dictionary, Taiyi's stored suggestions) stands for it by its
 * suggestions: the sum of one minus their margins over the document's units. The largest over the
 * sources counts.
 */
public final class MarginPerTokenStrategy extends ScoringStrategy {

    public static final String ID = "margin-per-token";

    @Override
    public String id() {
        return ID;
    }

    @Override
    DocumentScore score(QueueCandidate c, QueuePool pool) {
        double best = 0;
        String reason = "no prediction to hesitate on";
        for (SourcePrediction s : c.sources()) {
            DocumentPrediction p = s.prediction();
            double value;
            String why;
            if (p.hasUnitMarginals()) {
                value = 1 - p.meanTokenMargin();
                why = "mean unit margin " + Figures.format(p.meanTokenMargin()) + " over " + p.tokens() + " units (" + s.source() + ")";
            } else if (!p.mentions().isEmpty()) {
                int units = p.tokens() > 0 ? p.tokens() : c.tokens();
                double sum = 0;
                for (UncertainSuggestion u : s.suggestions()) {
                    sum += 1 - u.margin();
                }
                value = sum / Math.max(1, units);
                why = "one minus the margins of " + p.mentions().size() + " suggestions over " + units + " units (" + s.source() + ")";
            } else {
                continue;
            }
            if (value > best) {
                best = value;
                reason = "hesitation per unit " + Figures.format(value) + ": " + why;
            }
        }
        List<UncertainSuggestion> ordered = c.suggestionsByUncertainty();
        return new DocumentScore(best, reason, ordered);
    }
}
