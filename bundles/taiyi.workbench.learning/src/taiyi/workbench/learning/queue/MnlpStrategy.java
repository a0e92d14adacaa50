package taiyi.workbench.learning.queue;

import taiyi.workbench.learning.learner.DocumentPrediction;
import taiyi.workbench.learning.learner.PredictedMention;

/**
 * Maximum normalised log-probability (Shen et al. 2017): least confidence divided by length, so a
 * long document is not preferred for being long. The score is {@code -log P(best labelling) / units},
 * the largest over sources; a source without a sequence probability stands for it by the mean
 * {@code -log confidence} of its suggestions (for Taiyi, the mean token log-probability it stored).
 */
public final class MnlpStrategy extends ScoringStrategy {

    public static final String ID = "mnlp";

    @Override
    public String id() {
        return ID;
    }

    @Override
    DocumentScore score(QueueCandidate c, QueuePool pool) {
        double best = 0;
        String reason = "no prediction to doubt";
        for (SourcePrediction s : c.sources()) {
            DocumentPrediction p = s.prediction();
            double value;
            String why;
            if (p.bestSequenceLogProbability() < 0) {
                int units = Math.max(1, p.tokens());
                value = -p.bestSequenceLogProbability() / units;
                why = "log P " + Figures.format(p.bestSequenceLogProbability()) + " / " + units + " units (" + s.source() + ")";
            } else if (!p.mentions().isEmpty()) {
                double sum = 0;
                for (PredictedMention m : p.mentions()) {
                    sum += -Math.log(Math.max(m.confidence(), Double.MIN_NORMAL));
                }
                value = sum / p.mentions().size();
                why = "mean -log confidence of " + p.mentions().size() + " suggestions (" + s.source() + ")";
            } else {
                continue;
            }
            if (value > best || reason.startsWith("no ")) {
                best = value;
                reason = "normalised log-probability " + Figures.format(-value) + ": " + why;
            }
        }
        return new DocumentScore(best, reason, c.suggestionsByUncertainty());
    }
}
