package taiyi.workbench.inference.djl.train;

import java.util.function.Consumer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * A frozen weight stored in engine memory as {@link Nf4Tensor} (about 0.52 bytes a parameter) and
 * dequantised to float32 on the fly for each product, then dropped, so at most one layer's weight
 * is ever wide. Dequantising is two table look-ups on the engine: each code byte indexes a
 * {@code [256, 2]} table of its two levels, each 8-bit scale code the dynamic map; the products
 * are the same float32 operations as {@link Nf4Tensor#dequantise()}, so the result is bit for bit
 * the same.
 */
final class Nf4Weight implements FrozenWeight {

    private final long[] shape;
    private final int count;
    private final NDArray packed;
    private final NDArray absmaxCodes;
    private final NDArray scales;
    private final float offset;
    private final NDArray pairs;
    private final NDArray code8;
    private final long bytes;

    Nf4Weight(NDManager manager, Nf4Tensor t) {
        if (t.count() % Nf4Tensor.BLOCK != 0) {
            throw new IllegalArgumentException("an NF4 weight needs a multiple of " + Nf4Tensor.BLOCK + " values, has " + t.count());
        }
        this.shape = t.shape();
        this.count = t.count();
        this.packed = manager.create(java.nio.ByteBuffer.wrap(t.packed()), new Shape(t.packed().length), DataType.UINT8);
        this.absmaxCodes = manager.create(java.nio.ByteBuffer.wrap(t.absmaxCodes()), new Shape(t.absmaxCodes().length),
                DataType.UINT8);
        this.scales = manager.create(t.absmaxScales());
        this.offset = t.offset();
        this.pairs = pairTable(manager);
        this.code8 = manager.create(DynamicMap.VALUES, new Shape(256, 1));
        this.bytes = t.bytes();
    }

    private static NDArray pairTable(NDManager manager) {
        float[] table = new float[512];
        for (int b = 0; b < 256; b++) {
            table[2 * b] = Nf4Tensor.LEVELS[b >>> 4];
            table[2 * b + 1] = Nf4Tensor.LEVELS[b & 15];
        }
        return manager.create(table, new Shape(256, 2));
    }

    /** The float32 weight, in {@code manager}. */
    NDArray dequantise(NDManager manager) {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray codeIndex = absmaxCodes.toType(DataType.INT64, false);
            codeIndex.attach(scratch);
            NDArray blockScale = scales.repeat(0, Nf4Tensor.SCALE_BLOCK);
            blockScale.attach(scratch);
            long blocks = count / Nf4Tensor.BLOCK;
            NDArray absmax = lookUp(codeIndex, code8).mul(blockScale.get("0:{}", blocks).reshape(blocks, 1)).add(offset);
            NDArray byteIndex = packed.toType(DataType.INT64, false);
            byteIndex.attach(scratch);
            NDArray values = lookUp(byteIndex, pairs).reshape(blocks, Nf4Tensor.BLOCK).mul(absmax).reshape(new Shape(shape));
            values.attach(manager);
            return values;
        }
    }

    private static NDArray lookUp(NDArray index, NDArray table) {
        return index.getNDArrayInternal().embedding(index, table, SparseFormat.DENSE).singletonOrThrow();
    }

    @Override
    public NDArray apply(NDArray x, NDArray bias) {
        try (NDArray w = dequantise(x.getManager())) {
            return x.getNDArrayInternal().linear(x, w, bias).singletonOrThrow();
        }
    }

    @Override
    public void useFloat32(NDManager manager, Consumer<NDArray> use) {
        try (NDArray w = dequantise(manager)) {
            use.accept(w);
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        packed.close();
        absmaxCodes.close();
        scales.close();
        pairs.close();
        code8.close();
    }
}
