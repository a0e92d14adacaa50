package taiyi.workbench.learning.simulation;

import java.util.List;

/**
 * How a simulation runs.
 *
 * @param strategies the queue strategies to compare, by name; {@code random} is always among them (the baseline)
 * @param seeds how many seeds (held-out split, random order, cold-start batch): figures are mean ± sd over them
 * @param batch how many documents each step reveals
 * @param evalFraction the share of documents held out for evaluation, in (0, 1)
 * @param exploration the share of each batch given to random picks, in [0, 1]
 * @param target the share of the full-data F1 a strategy must reach, in (0, 1] (0.95 in the issue)
 * @param threads how many curves are computed at once (each curve is one thread's work; the figures do not depend on it)
 */
public record SimulationSettings(List<String> strategies, int seeds, int batch, double evalFraction, double exploration, double target,
        int threads) {

    public static final String BASELINE = "random";

    public SimulationSettings {
        if (!strategies.contains(BASELINE)) {
            strategies = java.util.stream.Stream.concat(java.util.stream.Stream.of(BASELINE), strategies.stream()).toList();
        }
        strategies = List.copyOf(strategies);
        if (seeds < 1 || batch < 1 || threads < 1) {
            throw new IllegalArgumentException("seeds, batch and threads must be at least 1, not " + seeds + ", " + batch + " and " + threads);
        }
        if (!(evalFraction > 0 && evalFraction < 1)) {
            throw new IllegalArgumentException("the evaluation fraction must lie in (0, 1), not " + evalFraction);
        }
        if (!(exploration >= 0 && exploration <= 1) || !(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("exploration must lie in [0, 1] and target in (0, 1]: " + exploration + ", " + target);
        }
    }

    /** The same settings on one thread. */
    public SimulationSettings(List<String> strategies, int seeds, int batch, double evalFraction, double exploration, double target) {
        this(strategies, seeds, batch, evalFraction, exploration, target, 1);
    }
}
