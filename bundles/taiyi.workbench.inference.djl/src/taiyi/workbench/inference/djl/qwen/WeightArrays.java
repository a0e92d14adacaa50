package taiyi.workbench.inference.djl.qwen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import taiyi.workbench.inference.djl.weights.TensorType;
import taiyi.workbench.inference.djl.weights.WeightTensor;

/**
 * Turns checkpoint tensors into engine arrays of the decoder's type.
 *
 * <p>Two DJL 0.36 facts shape this. An array made from a mapped buffer shares the mapping
 * (zero-copy), and decoding from page-cache memory measured twice as slow, so every weight is
 * copied once into the engine's own memory. And any BFLOAT16 array created from Java aborts the
 * JVM, so bf16 tensors are widened to float32 here in Java (a bf16 value is the upper half of a
 * float's bits) and never reach the engine as bf16.
 */
public final class WeightArrays {

    /** bf16 tensors are widened in blocks of rows of at most this many bytes, to bound the extra memory. */
    private static final long BF16_BLOCK_BYTES = 64L << 20;

    private WeightArrays() {
    }

    /** A float32 array in {@code manager}, owning its memory. */
    public static NDArray float32(NDManager manager, WeightTensor t) {
        return convert(manager, t, DataType.FLOAT32);
    }

    /** An array of {@code target} type (FLOAT32 or FLOAT16) in {@code manager}, owning its memory. */
    public static NDArray convert(NDManager manager, WeightTensor t, DataType target) {
        Shape shape = new Shape(t.shape());
        if (t.type() == TensorType.BF16) {
            return widenBf16(manager, t, shape, target);
        }
        DataType stored = switch (t.type()) {
            case F32 -> DataType.FLOAT32;
            case F16 -> DataType.FLOAT16;
            case F64 -> DataType.FLOAT64;
            default -> throw new IllegalArgumentException("weight " + t.name() + " is " + t.type()
                    + "; the decoder reads F32, F16, BF16 or F64 weights");
        };
        try (NDManager scratch = manager.newSubManager()) {
            NDArray view = scratch.create(t.data(), shape, stored);
            NDArray owned = stored == target ? view.duplicate() : view.toType(target, true);
            owned.attach(manager);
            return owned;
        }
    }

    private static NDArray widenBf16(NDManager manager, WeightTensor t, Shape shape, DataType target) {
        long rows = shape.dimension() == 0 ? 1 : shape.get(0);
        long rowElements = rows == 0 ? 0 : t.elementCount() / rows;
        long rowsPerBlock = Math.max(1, BF16_BLOCK_BYTES / Math.max(1, rowElements * 4));
        ShortBuffer source = t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        try (NDManager scratch = manager.newSubManager()) {
            NDArray result = null;
            for (long start = 0; start < Math.max(rows, 1); start += rowsPerBlock) {
                long count = Math.min(rowsPerBlock, rows - start);
                int elements = Math.toIntExact(shape.dimension() == 0 ? 1 : count * rowElements);
                ByteBuffer floats = ByteBuffer.allocateDirect(elements * 4).order(ByteOrder.nativeOrder());
                for (int i = 0; i < elements; i++) {
                    floats.putInt((source.get() & 0xffff) << 16);
                }
                floats.flip();
                Shape blockShape = shape.dimension() == 0 ? shape : new Shape(prepend(count, shape));
                NDArray block = scratch.create(floats.asFloatBuffer(), blockShape, DataType.FLOAT32);
                NDArray typed = target == DataType.FLOAT32 ? block : block.toType(target, true);
                result = result == null ? typed : result.concat(typed, 0);
            }
            NDArray owned = result.duplicate();
            owned.attach(manager);
            return owned;
        }
    }

    private static long[] prepend(long first, Shape shape) {
        long[] dims = shape.getShape();
        dims[0] = first;
        return dims;
    }
}
