package taiyi.workbench.inference.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;

/**
 * The mean cross-entropy of {@code n} hidden states {@code h} against their target tokens, and its
 * gradient with respect to {@code h}, through an output matrix {@code W [V, d]} seen one row chunk
 * at a time, each chunk once: the log-sum-exp of the logits {@code h·Wᵀ} and the
 * softmax-weighted sum of {@code W}'s rows are carried from chunk to chunk with a running maximum
 * (the streaming softmax of online attention), so the whole {@code [n, V]} logits never exist and
 * a quantised {@code lm_head} is widened once a step, not once for the logits and again for their
 * gradient. With {@code z = h·Wᵀ}, {@code p = softmax(z)} and {@code t} the targets:
 * {@code loss = mean(logΣexp z − z_t)} and {@code ∂loss/∂h = (p·W − W_t) / n}.
 */
final class ChunkedCrossEntropy implements AutoCloseable {

    private final NDManager manager;
    private final NDArray hidden;
    private final NDArray targets;
    private final int n;
    private NDArray max;
    private NDArray sum;
    private NDArray weighted;
    private NDArray targetRows;

    /**
     * @param hidden the hidden states {@code [n, d]}, float32
     * @param targets their target token ids {@code [n]}, int64
     */
    ChunkedCrossEntropy(NDManager manager, NDArray hidden, NDArray targets) {
        this.manager = manager;
        this.hidden = hidden;
        this.targets = targets;
        this.n = Math.toIntExact(targets.size());
    }

    /** Takes in rows {@code from … from + rows − 1} of {@code W}, as float32 {@code [rows, d]}. */
    void add(NDArray chunk, long from) {
        long rows = chunk.getShape().get(0);
        try (NDScope scope = new NDScope()) {
            NDArray z = hidden.getNDArrayInternal().linear(hidden, chunk, null).singletonOrThrow();
            NDArray chunkMax = z.max(new int[] {1}, true);
            NDArray newMax = max == null ? chunkMax : max.maximum(chunkMax);
            NDArray e = z.sub(newMax).exp();
            NDArray chunkSum = e.sum(new int[] {1}, true);
            NDArray chunkWeighted = e.matMul(chunk);
            NDArray local = targets.sub(from);
            NDArray inside = local.gte(0).logicalAnd(local.lt(rows)).toType(DataType.FLOAT32, false).reshape(n, 1);
            NDArray index = local.clip(0, rows - 1);
            NDArray picked = index.getNDArrayInternal().embedding(index, chunk, SparseFormat.DENSE).singletonOrThrow().mul(inside);
            NDArray newSum;
            NDArray newWeighted;
            NDArray newTargetRows;
            if (max == null) {
                newSum = chunkSum;
                newWeighted = chunkWeighted;
                newTargetRows = picked;
            } else {
                NDArray rescale = max.sub(newMax).exp();
                newSum = sum.mul(rescale).add(chunkSum);
                newWeighted = weighted.mul(rescale).add(chunkWeighted);
                newTargetRows = targetRows.add(picked);
            }
            NDScope.unregister(newMax, newSum, newWeighted, newTargetRows);
            replace(newMax, newSum, newWeighted, newTargetRows);
        }
    }

    private void replace(NDArray newMax, NDArray newSum, NDArray newWeighted, NDArray newTargetRows) {
        for (NDArray old : new NDArray[] {max, sum, weighted, targetRows}) {
            if (old != null && old != newMax && old != newSum && old != newWeighted && old != newTargetRows) {
                old.close();
            }
        }
        max = attach(newMax);
        sum = attach(newSum);
        weighted = attach(newWeighted);
        targetRows = attach(newTargetRows);
    }

    private NDArray attach(NDArray a) {
        a.attach(manager);
        return a;
    }

    /** The mean cross-entropy, a scalar in the manager; after every chunk was added. */
    NDArray loss() {
        NDArray logSumExp = max.add(sum.log()).reshape(n);
        NDArray targetLogits = hidden.mul(targetRows).sum(new int[] {1});
        return logSumExp.sub(targetLogits).mean();
    }

    /** {@code scale ×} the loss's gradient with respect to the hidden states, {@code [n, d]}. */
    NDArray gradient(double scale) {
        return weighted.div(sum).sub(targetRows).mul((float) (scale / n));
    }

    @Override
    public void close() {
        for (NDArray a : new NDArray[] {max, sum, weighted, targetRows}) {
            if (a != null) {
                a.close();
            }
        }
    }
}
