package taiyi.workbench.inference;

import java.util.OptionalDouble;

/**
 * One generated token, with the token the model would have chosen next best where the engine
 * reports it (the DJL decoder does; an HTTP back end without top log-probabilities does not).
 *
 * @param id the token id
 * @param logProbability natural-log probability the model gave this token when it chose it
 * @param start first char (UTF-16 index) of the generation's text this token completed
 * @param end char after the last; {@code start == end} for a token that only began a multi-byte
 *        character (its bytes are counted with the token that completes it)
 * @param runnerUpId the second most probable token at this step, or {@link #NO_RUNNER_UP}
 * @param runnerUpLogProbability its natural-log probability, NaN when there is no runner-up
 */
public record GeneratedToken(int id, double logProbability, int start, int end, int runnerUpId,
        double runnerUpLogProbability) {

    /** The runner-up id of an engine that does not report one. */
    public static final int NO_RUNNER_UP = -1;

    public GeneratedToken {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("token " + id + " has chars [" + start + ", " + end + ")");
        }
        if ((runnerUpId == NO_RUNNER_UP) != Double.isNaN(runnerUpLogProbability)) {
            throw new IllegalArgumentException("token " + id + ": a runner-up needs both an id and a log-probability, not "
                    + runnerUpId + " and " + runnerUpLogProbability);
        }
        if (runnerUpLogProbability > logProbability + 1e-6) {
            throw new IllegalArgumentException("token " + id + ": runner-up " + runnerUpId + " is more probable ("
                    + runnerUpLogProbability + ") than the chosen token (" + logProbability + ")");
        }
    }

    /** A token of an engine that does not report the runner-up. */
    public GeneratedToken(int id, double logProbability, int start, int end) {
        this(id, logProbability, start, end, NO_RUNNER_UP, Double.NaN);
    }

    public boolean hasRunnerUp() {
        return runnerUpId != NO_RUNNER_UP;
    }

    /** This token over other chars, with the same choice and runner-up. */
    public GeneratedToken covering(int newStart, int newEnd) {
        return new GeneratedToken(id, logProbability, newStart, newEnd, runnerUpId, runnerUpLogProbability);
    }

    /**
     * The chosen token's probability minus the runner-up's, in [0, 1]: small where the model
     * hesitated between two tokens. Empty without a runner-up.
     */
    public OptionalDouble margin() {
        return hasRunnerUp() ? OptionalDouble.of(Math.max(0, Math.exp(logProbability) - Math.exp(runnerUpLogProbability)))
                : OptionalDouble.empty();
    }
}
