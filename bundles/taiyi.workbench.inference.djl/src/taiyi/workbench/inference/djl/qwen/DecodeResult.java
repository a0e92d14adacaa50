package taiyi.workbench.inference.djl.qwen;

import java.util.List;

import taiyi.workbench.inference.Generation.StopReason;

/**
 * What {@link GreedyDecoder#decode} produced for each prompt, with the time it took.
 *
 * @param rows one per prompt, in request order
 * @param prefillNanos time of the first step (the prompts and the first token)
 * @param stepNanos time of each later step, in order
 */
public record DecodeResult(List<Row> rows, long prefillNanos, long[] stepNanos) {

    public DecodeResult {
        rows = List.copyOf(rows);
        stepNanos = stepNanos.clone();
    }

    @Override
    public long[] stepNanos() {
        return stepNanos.clone();
    }

    /** How many steps ran after the prefill. */
    public int decodeSteps() {
        return stepNanos.length;
    }

    /** Time of all steps after the prefill. */
    public long decodeNanos() {
        long sum = 0;
        for (long n : stepNanos) {
            sum += n;
        }
        return sum;
    }

    /** Median time of a step after the prefill (robust to a busy machine's pauses), 0 when none ran. */
    public long medianStepNanos() {
        if (stepNanos.length == 0) {
            return 0;
        }
        long[] sorted = stepNanos.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * One prompt's output.
     *
     * @param ids generated tokens, stop token excluded
     * @param logProbabilities natural-log probability of each generated token, computed in float32
     * @param runnerUpIds the second most probable token at each step
     * @param runnerUpLogProbabilities its natural-log probability
     * @param stopReason why the row ended
     */
    public record Row(int[] ids, float[] logProbabilities, int[] runnerUpIds, float[] runnerUpLogProbabilities,
            StopReason stopReason) {
        public Row {
            ids = ids.clone();
            logProbabilities = logProbabilities.clone();
            runnerUpIds = runnerUpIds.clone();
            runnerUpLogProbabilities = runnerUpLogProbabilities.clone();
            if (ids.length != logProbabilities.length || ids.length != runnerUpIds.length
                    || ids.length != runnerUpLogProbabilities.length) {
                throw new IllegalArgumentException(ids.length + " ids but " + logProbabilities.length + " log-probabilities, "
                        + runnerUpIds.length + " runner-ups and " + runnerUpLogProbabilities.length + " of their log-probabilities");
            }
        }

        @Override
        public int[] runnerUpIds() {
            return runnerUpIds.clone();
        }

        @Override
        public float[] runnerUpLogProbabilities() {
            return runnerUpLogProbabilities.clone();
        }

        @Override
        public int[] ids() {
            return ids.clone();
        }

        @Override
        public float[] logProbabilities() {
            return logProbabilities.clone();
        }
    }

    /** Tokens generated over all rows. */
    public int generatedTokens() {
        return rows.stream().mapToInt(r -> r.ids.length).sum();
    }
}
