package taiyi.workbench.learning.learner.tagger;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * A linear-chain CRF's weights over BIO labels: one weight per feature and label, one per pair of
 * successive labels and one per first label. Transitions a BIO labelling cannot make ({@code O} or
 * {@code B-X} to {@code I-Y} of another type, a text opening with {@code I-}) are not weights but
 * impossible, so every labelling the CRF returns reads as whole mentions.
 */
final class ChainCrf implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final List<String> labels;
    /** Feature-major: the weight of feature {@code f} for label {@code y} is at {@code f * labels + y}. */
    final double[] emission;
    /** From-major: the weight of {@code a} followed by {@code b} is at {@code a * labels + b}. */
    final double[] transition;
    final double[] start;
    private final boolean[] allowed;
    private final boolean[] startAllowed;

    ChainCrf(List<String> labels, int features) {
        this.labels = List.copyOf(labels);
        int n = labels.size();
        this.emission = new double[features * n];
        this.transition = new double[n * n];
        this.start = new double[n];
        this.allowed = new boolean[n * n];
        this.startAllowed = new boolean[n];
        for (int b = 0; b < n; b++) {
            String to = labels.get(b);
            startAllowed[b] = !to.startsWith("I-");
            for (int a = 0; a < n; a++) {
                String from = labels.get(a);
                allowed[a * n + b] = !to.startsWith("I-") || from.substring(Math.min(2, from.length())).equals(to.substring(2))
                        && !from.equals(LayerTagger.OUTSIDE);
            }
        }
    }

    List<String> labels() {
        return labels;
    }

    int labelCount() {
        return labels.size();
    }

    int featureCount() {
        return emission.length / labels.size();
    }

    boolean allowed(int from, int to) {
        return allowed[from * labels.size() + to];
    }

    boolean startAllowed(int label) {
        return startAllowed[label];
    }

    /** Per unit and label, the sum of the unit's feature weights for that label. */
    double[] scores(UnitSequence x) {
        int n = x.size();
        int l = labels.size();
        double[] s = new double[n * l];
        int[] offsets = x.offsets();
        int[] features = x.features();
        for (int i = 0; i < n; i++) {
            int row = i * l;
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                int base = features[k] * l;
                for (int y = 0; y < l; y++) {
                    s[row + y] += emission[base + y];
                }
            }
        }
        return s;
    }

    /** The best labelling (Viterbi) of a text, as label indexes, and its unnormalised log score as the last entry. */
    BestPath best(UnitSequence x, double[] scores) {
        int n = x.size();
        int l = labels.size();
        double[] delta = new double[n * l];
        int[] back = new int[n * l];
        for (int y = 0; y < l; y++) {
            delta[y] = startAllowed[y] ? start[y] + scores[y] : Double.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            for (int b = 0; b < l; b++) {
                double best = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int a = 0; a < l; a++) {
                    if (allowed[a * l + b]) {
                        double v = delta[(i - 1) * l + a] + transition[a * l + b];
                        if (v > best) {
                            best = v;
                            arg = a;
                        }
                    }
                }
                delta[i * l + b] = best + scores[i * l + b];
                back[i * l + b] = arg;
            }
        }
        int[] path = new int[n];
        double best = Double.NEGATIVE_INFINITY;
        for (int y = 0; y < l; y++) {
            if (delta[(n - 1) * l + y] > best) {
                best = delta[(n - 1) * l + y];
                path[n - 1] = y;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            path[i - 1] = back[i * l + path[i]];
        }
        return new BestPath(path, best);
    }

    /** @param labels the label index of every unit @param score the labelling's unnormalised log score */
    record BestPath(int[] labels, double score) {
    }

    /** The best labelling of a text, as labels (Viterbi alone). */
    String[] bestLabels(UnitSequence x) {
        int n = x.size();
        String[] best = new String[n];
        if (n == 0) {
            return best;
        }
        int[] path = best(x, scores(x)).labels();
        for (int i = 0; i < n; i++) {
            best[i] = labels.get(path[i]);
        }
        return best;
    }

    /** What the CRF says about one text: the best labels and every unit's marginal per label. */
    LayerLabelling label(UnitSequence x) {
        int n = x.size();
        int l = labels.size();
        String[] best = new String[n];
        double[][] marginals = new double[n][l];
        if (n == 0) {
            return new LayerLabelling(labels, best, marginals, 0);
        }
        double[] scores = scores(x);
        BestPath path = best(x, scores);
        ForwardBackward fb = new ForwardBackward(this, scores, n);
        for (int i = 0; i < n; i++) {
            best[i] = labels.get(path.labels()[i]);
            for (int y = 0; y < l; y++) {
                marginals[i][y] = fb.marginal(i, y);
            }
        }
        return new LayerLabelling(labels, best, marginals, Math.min(0, path.score() - fb.logZ()));
    }
}
