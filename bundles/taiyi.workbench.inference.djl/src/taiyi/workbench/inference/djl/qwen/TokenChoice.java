package taiyi.workbench.inference.djl.qwen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * The greedy choice of one step for each row: the most probable token with its log-probability
 * (log-softmax in float32) and the runner-up with its own, both from one top-2 pass over the
 * vocabulary. Both decoders use this one computation, so a prompt served over HTTP gets the very
 * numbers it gets in process.
 */
record TokenChoice(long[] chosen, float[] chosenLogProbs, long[] second, float[] secondLogProbs) {

    /** @param logitColumns {@code [V, rows]} in the model's type, as {@link QwenModel#nextTokenLogits} gives them */
    static TokenChoice of(NDArray logitColumns, int rows) {
        NDArray logSoftmax = logitColumns.toType(DataType.FLOAT32, false).logSoftmax(0);
        // [2, rows]: the best of every row, then every runner-up
        NDList top = logSoftmax.topK(2, 0, true, true);
        float[] values = top.get(0).toFloatArray();
        long[] ids = top.get(1).toLongArray();
        long[] chosen = new long[rows];
        float[] chosenLogProbs = new float[rows];
        long[] second = new long[rows];
        float[] secondLogProbs = new float[rows];
        for (int r = 0; r < rows; r++) {
            chosen[r] = ids[r];
            chosenLogProbs[r] = values[r];
            second[r] = ids[rows + r];
            secondLogProbs[r] = values[rows + r];
        }
        return new TokenChoice(chosen, chosenLogProbs, second, secondLogProbs);
    }
}
