package taiyi.workbench.learning.learner.tagger;

/**
 * How hard the tagger trains. The defaults aim at quality for a retraining in the background;
 * {@link #quick()} is for callers that retrain many times in a row ({@code taiyi simulate}): fewer
 * passes, started from the previous round's weights so the few passes refine rather than start over.
 *
 * @param maxIterations the passes over the training sentences per layer (the name is the CLI's
 *     {@code --max-iterations})
 * @param threads threads computing the units' features
 * @param gaussianPriorVariance variance of the Gaussian prior (L2 regularisation: smaller is stronger)
 * @param warmStart whether to start from the weights of the model passed as the previous round's, for
 *     every feature both know
 */
public record TaggerSettings(int maxIterations, int threads, double gaussianPriorVariance, boolean warmStart) {

    public TaggerSettings {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("the tagger needs at least one training pass, not " + maxIterations);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("the tagger needs at least one thread, not " + threads);
        }
        if (!(gaussianPriorVariance > 0)) {
            throw new IllegalArgumentException("the Gaussian prior variance must be positive, not " + gaussianPriorVariance);
        }
    }

    /** Quality first: 10 passes, one thread per core (at most 4), variance 10, no warm start. */
    public static TaggerSettings defaults() {
        return new TaggerSettings(10, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), 10.0, false);
    }

    /** For many retrainings in a row: 4 passes, warm-started from the previous round. */
    public static TaggerSettings quick() {
        return new TaggerSettings(4, defaults().threads(), 10.0, true);
    }

    public TaggerSettings withMaxIterations(int iterations) {
        return new TaggerSettings(iterations, threads, gaussianPriorVariance, warmStart);
    }

    public TaggerSettings withThreads(int count) {
        return new TaggerSettings(maxIterations, count, gaussianPriorVariance, warmStart);
    }

    public TaggerSettings withWarmStart(boolean warm) {
        return new TaggerSettings(maxIterations, threads, gaussianPriorVariance, warm);
    }
}
