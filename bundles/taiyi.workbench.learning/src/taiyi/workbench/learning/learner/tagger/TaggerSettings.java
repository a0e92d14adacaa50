package taiyi.workbench.learning.learner.tagger;

/**
 * How hard the tagger trains. The defaults aim at quality for a retraining in the background;
 * {@link #quick()} is for callers that retrain many times in a row ({@code taiyi simulate}): fewer
 * L-BFGS iterations, started from the previous round's weights so the few iterations refine rather
 * than start over.
 *
 * @param maxIterations the most L-BFGS iterations per layer (training stops earlier when it converges)
 * @param threads threads computing the likelihood's gradient
 * @param gaussianPriorVariance variance of the Gaussian prior (L2 regularisation: smaller is stronger)
 * @param warmStart whether to start from the weights of the model passed as the previous round's, for
 *     every feature both know
 */
public record TaggerSettings(int maxIterations, int threads, double gaussianPriorVariance, boolean warmStart) {

    public TaggerSettings {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("the tagger needs at least one training iteration, not " + maxIterations);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("the tagger needs at least one thread, not " + threads);
        }
        if (!(gaussianPriorVariance > 0)) {
            throw new IllegalArgumentException("the Gaussian prior variance must be positive, not " + gaussianPriorVariance);
        }
    }

    /** Quality first: up to 150 iterations, one thread per core (at most 4), variance 10, no warm start. */
    public static TaggerSettings defaults() {
        return new TaggerSettings(150, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), 10.0, false);
    }

    /** For many retrainings in a row: up to 40 iterations, warm-started from the previous round. */
    public static TaggerSettings quick() {
        return new TaggerSettings(40, defaults().threads(), 10.0, true);
    }

    public TaggerSettings withMaxIterations(int iterations) {
        return new TaggerSettings(iterations, threads, gaussianPriorVariance, warmStart);
    }

    public TaggerSettings withWarmStart(boolean warm) {
        return new TaggerSettings(maxIterations, threads, gaussianPriorVariance, warm);
    }
}
