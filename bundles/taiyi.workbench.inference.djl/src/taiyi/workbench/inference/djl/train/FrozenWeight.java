package taiyi.workbench.inference.djl.train;

import ai.djl.ndarray.NDArray;

/**
 * A base weight {@code [out, in]} that training never changes, kept in whatever form saves memory;
 * it hands out a float32 copy (or itself) for one product at a time.
 */
interface FrozenWeight extends AutoCloseable {

    /** {@code x · Wᵀ (+ bias)}, in {@code x}'s manager. */
    NDArray apply(NDArray x, NDArray bias);

    /** {@code g · W}: the gradient of {@link #apply}'s input given its output's gradient {@code g}. */
    NDArray applyTransposed(NDArray g);

    long[] shape();

    /** Bytes held in engine memory. */
    long bytes();

    @Override
    void close();
}
