package taiyi.workbench.inference.djl.qwen;

import java.util.List;

import taiyi.workbench.inference.Generation.StopReason;

/**
 * What {@link GreedyDecoder#decode} produced for each prompt, with the time it took.
 *
 * @param rows one per prompt, in request order
 * @param prefillNanos time of the first step (the prompts and the first token)
 * @param decodeNanos time of all later steps
 * @param decodeSteps how many later steps ran
 */
public record DecodeResult(List<Row> rows, long prefillNanos, long decodeNanos, int decodeSteps) {

    public DecodeResult {
        rows = List.copyOf(rows);
    }

    /**
     * One prompt's output.
     *
     * @param ids generated tokens, stop token excluded
     * @param logProbabilities natural-log probability of each generated token, computed in float32
     * @param stopReason why the row ended
     */
    public record Row(int[] ids, float[] logProbabilities, StopReason stopReason) {
        public Row {
            ids = ids.clone();
            logProbabilities = logProbabilities.clone();
            if (ids.length != logProbabilities.length) {
                throw new IllegalArgumentException(ids.length + " ids but " + logProbabilities.length + " log-probabilities");
            }
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
