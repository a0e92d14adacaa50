package taiyi.workbench.inference.djl.train;

import java.util.function.Consumer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** A frozen float32 weight held as it is. */
final class DenseWeight implements FrozenWeight {

    private final NDArray weight;

    DenseWeight(NDArray weight) {
        this.weight = weight;
    }

    @Override
    public NDArray apply(NDArray x, NDArray bias) {
        return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }

    @Override
    public void useFloat32(NDManager manager, Consumer<NDArray> use) {
        use.accept(weight);
    }

    @Override
    public long[] shape() {
        return weight.getShape().getShape();
    }

    @Override
    public long bytes() {
        return weight.size() * 4;
    }

    @Override
    public void close() {
        weight.close();
    }
}
