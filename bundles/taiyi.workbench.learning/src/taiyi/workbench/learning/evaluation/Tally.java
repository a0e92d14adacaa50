package taiyi.workbench.learning.evaluation;

/**
 * True positives, false positives and false negatives of one type (or of all types together), and
 * the precision, recall and F1 they give.
 *
 * @param truePositives predicted and in the gold
 * @param falsePositives predicted, not in the gold
 * @param falseNegatives in the gold, not predicted
 */
public record Tally(int truePositives, int falsePositives, int falseNegatives) {

    public static final Tally ZERO = new Tally(0, 0, 0);

    public Tally {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("negative count in " + truePositives + "/" + falsePositives + "/" + falseNegatives);
        }
    }

    public Tally plus(Tally other) {
        return new Tally(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }

    /** How many the source predicted. */
    public int predicted() {
        return truePositives + falsePositives;
    }

    /** How many the gold holds. */
    public int gold() {
        return truePositives + falseNegatives;
    }

    /** 0 when nothing was predicted (no claim made, none right). */
    public double precision() {
        return predicted() == 0 ? 0 : (double) truePositives / predicted();
    }

    /** 0 when the gold is empty. */
    public double recall() {
        return gold() == 0 ? 0 : (double) truePositives / gold();
    }

    /** 2TP / (2TP + FP + FN), which is the harmonic mean of precision and recall; 0 when both sides are empty. */
    public double f1() {
        int denominator = 2 * truePositives + falsePositives + falseNegatives;
        return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
    }
}
