package taiyi.workbench.learning.learner;

import java.util.List;
import java.util.Objects;

import taiyi.workbench.core.model.Normalization;

/**
 * A mention a model predicts, with how sure it is and what it would have said instead.
 *
 * @param start first character (inclusive)
 * @param end last character (exclusive)
 * @param type the predicted entity type
 * @param confidence the model's probability of this span with this type, in [0, 1]
 * @param runnerUp the best alternative: another type, or {@link #NO_MENTION} when the alternative is
 *     to leave the text unannotated
 * @param runnerUpConfidence the alternative's probability, in [0, 1]
 * @param concepts the concepts the model links the mention to (the dictionary's curated ids), possibly none
 */
public record PredictedMention(int start, int end, String type, double confidence, String runnerUp,
        double runnerUpConfidence, List<Normalization> concepts) {

    /** The runner-up that means "not a mention at all". */
    public static final String NO_MENTION = "O";

    public PredictedMention {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(runnerUp, "runnerUp");
        concepts = List.copyOf(concepts);
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative span [" + start + ", " + end + ")");
        }
        if (!(confidence >= 0 && confidence <= 1) || !(runnerUpConfidence >= 0 && runnerUpConfidence <= 1)) {
            throw new IllegalArgumentException("confidences must lie in [0, 1]: " + confidence + ", " + runnerUpConfidence);
        }
    }

    /** A mention linked to no concept (what a sequence tagger predicts). */
    public PredictedMention(int start, int end, String type, double confidence, String runnerUp, double runnerUpConfidence) {
        this(start, end, type, confidence, runnerUp, runnerUpConfidence, List.of());
    }

    /** Best minus runner-up: INCEpTION's delta, small when the model hesitates. */
    public double margin() {
        return confidence - runnerUpConfidence;
    }
}
