package taiyi.workbench.learning.learner.tagger;

/**
 * Forward-backward over one text for a {@link ChainCrf}, in probability space with one scale factor per
 * unit (no logarithm inside the loops): every unit's marginal per label, every pair of successive
 * units' marginal per label pair, and log Z.
 */
final class ForwardBackward {

    private final int n;
    private final int l;
    private final double[] alpha;
    private final double[] beta;
    private final double[] psi;
    private final double[] scale;
    private final double[] expTransition;
    private final double logZ;

    ForwardBackward(ChainCrf crf, double[] scores, int n) {
        this.n = n;
        this.l = crf.labelCount();
        alpha = new double[n * l];
        beta = new double[n * l];
        psi = new double[n * l];
        scale = new double[n];
        expTransition = new double[l * l];
        for (int a = 0; a < l; a++) {
            for (int b = 0; b < l; b++) {
                expTransition[a * l + b] = crf.allowed(a, b) ? Math.exp(crf.transition[a * l + b]) : 0;
            }
        }
        double logZ = 0;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int y = 0; y < l; y++) {
                max = Math.max(max, scores[i * l + y]);
            }
            for (int y = 0; y < l; y++) {
                psi[i * l + y] = Math.exp(scores[i * l + y] - max);
            }
            logZ += max;
        }
        double sum = 0;
        for (int y = 0; y < l; y++) {
            alpha[y] = crf.startAllowed(y) ? Math.exp(crf.start[y]) * psi[y] : 0;
            sum += alpha[y];
        }
        normalise(0, sum);
        for (int i = 1; i < n; i++) {
            sum = 0;
            for (int b = 0; b < l; b++) {
                double v = 0;
                for (int a = 0; a < l; a++) {
                    v += alpha[(i - 1) * l + a] * expTransition[a * l + b];
                }
                v *= psi[i * l + b];
                alpha[i * l + b] = v;
                sum += v;
            }
            normalise(i, sum);
        }
        for (int i = 0; i < n; i++) {
            logZ += Math.log(scale[i]);
        }
        this.logZ = logZ;
        for (int y = 0; y < l; y++) {
            beta[(n - 1) * l + y] = 1;
        }
        for (int i = n - 2; i >= 0; i--) {
            for (int a = 0; a < l; a++) {
                double v = 0;
                for (int b = 0; b < l; b++) {
                    v += expTransition[a * l + b] * psi[(i + 1) * l + b] * beta[(i + 1) * l + b];
                }
                beta[i * l + a] = v / scale[i + 1];
            }
        }
    }

    private void normalise(int i, double sum) {
        scale[i] = sum;
        for (int y = 0; y < l; y++) {
            alpha[i * l + y] /= sum;
        }
    }

    double logZ() {
        return logZ;
    }

    /** P(unit i has label y). */
    double marginal(int i, int y) {
        return alpha[i * l + y] * beta[i * l + y];
    }

    /** P(unit i - 1 has label a and unit i has label b), for i at least 1. */
    double pairMarginal(int i, int a, int b) {
        return alpha[(i - 1) * l + a] * expTransition[a * l + b] * psi[i * l + b] * beta[i * l + b] / scale[i];
    }
}
