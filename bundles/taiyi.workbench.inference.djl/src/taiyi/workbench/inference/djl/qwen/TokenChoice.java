package taiyi.workbench.inference.djl.qwen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The greedy choice of one step for each row: the most probable token with its log-probability
 * (log-softmax in float32) and the runner-up with its own, both from one top-2 pass over the
 * vocabulary. Both decoders use this one computation, so a prompt served over HTTP gets the very
 * numbers it gets in process.
 */
record TokenChoice(long[] chosen, float[] chosenLogProbs, long[] second, float[] secondLogProbs) {

    /** @param logits {@code [rows, 1, V]} in the model's type, in {@code step} */
    static TokenChoice of(NDManager step, NDArray logits, int rows) {
        NDArray logSoftmax = logits.toType(DataType.FLOAT32, false).reshape(rows, -1).logSoftmax(1);
        NDList top = logSoftmax.topK(2, 1, true, true);
        float[] values = top.get(0).toFloatArray();
        long[] ids = top.get(1).toLongArray();
        long[] chosen = new long[rows];
        float[] chosenLogProbs = new float[rows];
        long[] second = new long[rows];
        float[] secondLogProbs = new float[rows];
        for (int r = 0; r < rows; r++) {
            chosen[r] = ids[2 * r];
            chosenLogProbs[r] = values[2 * r];
            second[r] = ids[2 * r + 1];
            secondLogProbs[r] = values[2 * r + 1];
        }
        return new TokenChoice(chosen, chosenLogProbs, second, secondLogProbs);
    }
}
