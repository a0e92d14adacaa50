package taiyi.workbench.inference.djl.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * One named tensor of a checkpoint: contiguous, row-major, little-endian bytes (usually a view of
 * a memory-mapped file).
 *
 * @param name the checkpoint's name for it, e.g. {@code transformer.h.0.attn.c_attn.weight}
 * @param type element type
 * @param shape dimensions, outermost first
 * @param data exactly {@code elementCount * type.bytes()} bytes, position 0
 */
public record WeightTensor(String name, TensorType type, long[] shape, ByteBuffer data) {

    public WeightTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        shape = shape.clone();
        long expected = elementCount(shape) * type.bytes();
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("tensor " + name + " " + Arrays.toString(shape) + " " + type + " needs "
                    + expected + " bytes, has " + data.remaining());
        }
        data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    public long elementCount() {
        return elementCount(shape);
    }

    private static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + " " + type;
    }
}
