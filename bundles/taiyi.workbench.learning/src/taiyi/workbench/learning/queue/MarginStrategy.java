package taiyi.workbench.learning.queue;

import java.util.List;

import taiyi.workbench.learning.learner.DocumentPrediction;

/**
 * Uncertainty by margin, INCEpTION's strategy: the smallest best-minus-runner-up difference over
 * the document's suggestions and over its unannotated units (a near miss counts), of any source.
 * A smaller margin is curated sooner; the score is {@code 1 - margin}. A document nothing predicted
 * for has score 0.
 */
public final class MarginStrategy extends ScoringStrategy {

    public static final String ID = "margin";

    @Override
    public String id() {
        return ID;
    }

    @Override
    DocumentScore score(QueueCandidate c, QueuePool pool) {
        List<UncertainSuggestion> ordered = c.suggestionsByUncertainty();
        double margin = 1;
        String reason = "no suggestion to hesitate on";
        if (!ordered.isEmpty()) {
            margin = ordered.get(0).margin();
            reason = "smallest margin " + Figures.format(margin) + ": " + describe(c, ordered.get(0));
        }
        for (SourcePrediction s : c.sources()) {
            DocumentPrediction p = s.prediction();
            if (p.smallestTokenMargin() < margin) {
                margin = p.smallestTokenMargin();
                reason = "smallest margin " + Figures.format(margin) + " on an unannotated unit (" + s.source() + ")";
            }
        }
        return new DocumentScore(1 - margin, reason, ordered);
    }
}
