package taiyi.workbench.inference.djl.train;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

import taiyi.workbench.inference.djl.weights.WeightTensor;

/**
 * Read access to a tensor's values as float32, straight from a checkpoint's (memory-mapped)
 * bytes, so quantising a weight never holds it as a Java {@code float[]}.
 */
@FunctionalInterface
public interface FloatSequence {

    float get(int index);

    static FloatSequence of(float[] values) {
        return i -> values[i];
    }

    /** F32, F16 or BF16 values of a checkpoint tensor. */
    static FloatSequence of(WeightTensor t) {
        return switch (t.type()) {
            case F32 -> {
                FloatBuffer b = t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                yield b::get;
            }
            case BF16 -> {
                ShortBuffer b = t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
                yield i -> Float.intBitsToFloat((b.get(i) & 0xffff) << 16);
            }
            case F16 -> {
                ShortBuffer b = t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
                yield i -> halfToFloat(b.get(i));
            }
            default -> throw new IllegalArgumentException("weight " + t.name() + " is " + t.type()
                    + "; NF4 quantises F32, F16 or BF16 weights");
        };
    }

    /** IEEE binary16 to float (exact). */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float value = mantissa * 0x1p-24f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
