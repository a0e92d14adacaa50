package taiyi.workbench.inference.djl.qwen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The greedy choice of one step for each row: the most probable token with its log-probability
 * (log-softmax in float32) and the runner-up with its own. Both decoders use this one computation,
 * so a prompt served over HTTP gets the very numbers it gets in process.
 */
record TokenChoice(long[] chosen, float[] chosenLogProbs, long[] second, float[] secondLogProbs) {

    /** @param logits {@code [rows, 1, V]} in the model's type, in {@code step} */
    static TokenChoice of(NDManager step, NDArray logits, int rows) {
        NDArray logSoftmax = logits.toType(DataType.FLOAT32, false).reshape(rows, -1).logSoftmax(1);
        NDArray best = logSoftmax.argMax(1);
        long[] chosen = best.toLongArray();
        float[] chosenLogProbs = logSoftmax.max(new int[] {1}).toFloatArray();
        // the chosen token pushed far below every other (PyTorch's NDArray has no one-hot with custom
        // values, and -inf × 0 would be NaN): the maximum of the rest is the runner-up
        int vocabulary = (int) logSoftmax.getShape().get(1);
        NDArray chosenColumn = step.arange(0, vocabulary, 1, DataType.INT64).expandDims(0).eq(best.expandDims(1));
        NDArray masked = logSoftmax.sub(chosenColumn.toType(DataType.FLOAT32, false).mul(1e30f));
        return new TokenChoice(chosen, chosenLogProbs, masked.argMax(1).toLongArray(), masked.max(new int[] {1}).toFloatArray());
    }
}
