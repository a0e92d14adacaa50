package taiyi.workbench.learning.learner.tagger;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Trains a {@link ChainCrf} by stochastic gradient ascent on the conditional log-likelihood, one
 * sentence at a time, with AdaGrad's per-weight step sizes and a Gaussian prior.
 *
 * <p>Why not a batch optimiser: L-BFGS needs a pass over all the data per iteration and about a
 * hundred iterations, while a few passes of per-sentence steps reach the same held-out F1; AdaGrad's
 * steps shrink for frequent features and stay large for rare ones, so one learning rate suits every
 * corpus. The prior's shrinkage of a feature's weights is applied lazily, when the feature next occurs
 * (and for all at the end), for all the sentences that went by since, so a step costs what the
 * sentence's own features cost. Sentences are visited in an order drawn from a fixed seed: the same
 * data always gives the same model.
 */
final class CrfTraining {

    /** AdaGrad's base step. */
    static final double LEARNING_RATE = 0.1;

    private static final long SEED = 20261204L;

    /** How often, in sentences, a pass asks whether it was cancelled. */
    private static final int CANCEL_CHECK = 64;

    private final ChainCrf crf;
    private final List<UnitSequence> inputs;
    private final List<int[]> gold;
    private final double lambda;
    private final double[] squaredEmission;
    private final double[] squaredTransition;
    private final double[] squaredStart;
    private final double[] gradient;
    private final int[] lastStep;
    private final boolean[] touched;
    private int step;

    /**
     * @param inputs the training sentences
     * @param gold every sentence's label index per unit
     * @param priorVariance the Gaussian prior's variance (over the whole data set)
     */
    CrfTraining(ChainCrf crf, List<UnitSequence> inputs, List<int[]> gold, double priorVariance) {
        this.crf = crf;
        this.inputs = inputs;
        this.gold = gold;
        this.lambda = 1.0 / (priorVariance * Math.max(1, inputs.size()));
        this.squaredEmission = new double[crf.emission.length];
        this.squaredTransition = new double[crf.transition.length];
        this.squaredStart = new double[crf.start.length];
        this.gradient = new double[crf.emission.length];
        this.lastStep = new int[crf.featureCount()];
        this.touched = new boolean[crf.featureCount()];
    }

    /**
     * Makes {@code passes} passes over the sentences, reporting each finished pass; returns the mean
     * log-likelihood per unit over the last pass (as the sentences were met, before their step).
     */
    double run(int passes, IntConsumer passDone, BooleanSupplier cancelled) {
        Random random = new Random(SEED);
        int[] order = new int[inputs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double meanLogLikelihood = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double logLikelihood = 0;
            long units = 0;
            for (int k = 0; k < order.length; k++) {
                if (k % CANCEL_CHECK == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException("tagger training cancelled in pass " + (pass + 1));
                }
                UnitSequence x = inputs.get(order[k]);
                if (x.size() == 0) {
                    continue;
                }
                logLikelihood += step(x, gold.get(order[k]));
                units += x.size();
            }
            meanLogLikelihood = logLikelihood / Math.max(1, units);
            passDone.accept(pass + 1);
        }
        shrinkAll();
        return meanLogLikelihood;
    }

    /** One AdaGrad step on one sentence; returns its log-likelihood before the step. */
    private double step(UnitSequence x, int[] y) {
        step++;
        int n = x.size();
        int l = crf.labelCount();
        double[] scores = crf.scores(x);
        ForwardBackward fb = new ForwardBackward(crf, scores, n);
        int[] offsets = x.offsets();
        int[] features = x.features();

        double goldScore = crf.start[y[0]];
        double[] unitGradient = new double[l];
        double[] transitionGradient = new double[l * l];
        double[] startGradient = new double[l];
        for (int i = 0; i < n; i++) {
            goldScore += scores[i * l + y[i]];
            for (int b = 0; b < l; b++) {
                unitGradient[b] = (b == y[i] ? 1 : 0) - fb.marginal(i, b);
            }
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                int f = features[k];
                touched[f] = true;
                int base = f * l;
                for (int b = 0; b < l; b++) {
                    gradient[base + b] += unitGradient[b];
                }
            }
            if (i == 0) {
                for (int b = 0; b < l; b++) {
                    startGradient[b] = unitGradient[b];
                }
            } else {
                goldScore += crf.transition[y[i - 1] * l + y[i]];
                transitionGradient[y[i - 1] * l + y[i]] += 1;
                for (int a = 0; a < l; a++) {
                    for (int b = 0; b < l; b++) {
                        if (crf.allowed(a, b)) {
                            transitionGradient[a * l + b] -= fb.pairMarginal(i, a, b);
                        }
                    }
                }
            }
        }
        for (int k = 0; k < features.length; k++) {
            int f = features[k];
            if (!touched[f]) {
                continue;
            }
            touched[f] = false;
            int base = f * l;
            shrink(f, step - lastStep[f]);
            lastStep[f] = step;
            for (int b = 0; b < l; b++) {
                double g = gradient[base + b];
                gradient[base + b] = 0;
                crf.emission[base + b] += adaGrad(squaredEmission, base + b, g);
            }
        }
        for (int i = 0; i < transitionGradient.length; i++) {
            double g = transitionGradient[i] - lambda * crf.transition[i];
            crf.transition[i] += adaGrad(squaredTransition, i, g);
        }
        for (int i = 0; i < startGradient.length; i++) {
            double g = startGradient[i] - lambda * crf.start[i];
            crf.start[i] += adaGrad(squaredStart, i, g);
        }
        return goldScore - fb.logZ();
    }

    private static double adaGrad(double[] squared, int at, double g) {
        if (g == 0) {
            return 0;
        }
        squared[at] += g * g;
        return LEARNING_RATE * g / Math.sqrt(squared[at]);
    }

    /** The prior's pull towards 0 over {@code steps} sentences, applied at once (implicitly, so it never overshoots). */
    private void shrink(int feature, int steps) {
        if (steps <= 0) {
            return;
        }
        int l = crf.labelCount();
        for (int b = 0; b < l; b++) {
            int at = feature * l + b;
            double squared = squaredEmission[at];
            if (squared > 0) {
                double rate = LEARNING_RATE / Math.sqrt(squared);
                crf.emission[at] /= 1 + rate * lambda * steps;
            }
        }
    }

    private void shrinkAll() {
        for (int f = 0; f < lastStep.length; f++) {
            shrink(f, step - lastStep[f]);
            lastStep[f] = step;
        }
    }
}
