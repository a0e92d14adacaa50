package taiyi.workbench.learning.queue;

import java.util.List;

import taiyi.workbench.learning.learner.DocumentPrediction;
import taiyi.workbench.learning.learner.PredictedMention;

/**
 * Least confidence: {@code 1 - P(best labelling of the whole document)}, the most uncertain source
 * counting. A source without a sequence probability (Taiyi's stored suggestions) stands for it by
 * its least confident mention. It favours long documents, whose best labelling is improbable just
 * for being long; {@link MnlpStrategy} corrects that.
 */
public final class LeastConfidenceStrategy extends ScoringStrategy {

    public static final String ID = "least-confidence";

    @Override
    public String id() {
        return ID;
    }

    @Override
    DocumentScore score(QueueCandidate c, QueuePool pool) {
        double worst = 0;
        String reason = "no prediction to doubt";
        for (SourcePrediction s : c.sources()) {
            DocumentPrediction p = s.prediction();
            if (p.bestSequenceLogProbability() < 0) {
                double lc = 1 - Math.exp(p.bestSequenceLogProbability());
                if (lc > worst || reason.startsWith("no ")) {
                    worst = lc;
                    reason = "best labelling has log P " + Figures.format(p.bestSequenceLogProbability()) + " over "
                            + p.tokens() + " units (" + s.source() + ")";
                }
            } else {
                for (UncertainSuggestion u : s.suggestions()) {
                    PredictedMention m = u.mention();
                    if (1 - m.confidence() > worst || reason.startsWith("no ")) {
                        worst = 1 - m.confidence();
                        reason = "least confident suggestion " + describe(c, u);
                    }
                }
            }
        }
        List<UncertainSuggestion> ordered = c.suggestionsByUncertainty();
        return new DocumentScore(worst, reason, ordered);
    }
}
