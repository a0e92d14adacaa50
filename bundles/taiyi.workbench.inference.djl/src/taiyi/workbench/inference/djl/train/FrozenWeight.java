package taiyi.workbench.inference.djl.train;

import java.util.function.Consumer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A base weight {@code [out, in]} that training never changes, kept in whatever form saves memory;
 * it hands out a float32 copy (or itself) for one product at a time.
 */
interface FrozenWeight extends AutoCloseable {

    /** {@code x · Wᵀ (+ bias)}, in {@code x}'s manager. */
    NDArray apply(NDArray x, NDArray bias);

    /**
     * Hands the weight as a float32 {@code [out, in]} array to {@code use}; the array (a widened
     * copy, or the weight itself) must not outlive the call.
     */
    void useFloat32(NDManager manager, Consumer<NDArray> use);

    long[] shape();

    /** Bytes held in engine memory. */
    long bytes();

    @Override
    void close();
}
