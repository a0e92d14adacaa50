package taiyi.workbench.bench.qwen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import taiyi.workbench.inference.djl.weights.SafetensorsWriter;
import taiyi.workbench.inference.djl.weights.TensorType;

/**
 * Deterministic random tensor values, defined simply enough that the Python reference
 * ({@code releng/python/qwen_reference.py}, function {@code random_values}) produces the very same
 * floats, so a test can build its model here and compare against outputs computed there.
 *
 * <p>Definition: a tensor's generator is splitmix64 started at {@code seed ^ fnv1a64(utf8(name))}.
 * Each element takes the top 24 bits of the next output as {@code u = bits / 2^24} (exact in
 * float and double) and is {@code (float) (offset + scale * (2u - 1))}, computed in double. Offset
 * and scale depend on the tensor: norm weights {@code 1 ± 0.1}, biases {@code ± 0.1}, the token
 * embedding {@code ± 1}, every other matrix {@code ± 2 / sqrt(fan_in)} with fan-in its last
 * dimension, which keeps activations near unit size through the layers.
 */
public final class RandomWeights {

    private final long seed;
    private final boolean bf16Exact;
    private final double finalNormGain;

    /**
     * @param seed the model's seed
     * @param bf16Exact round every value to the nearest bfloat16 (still returned as float), so that
     *        the same model can be written both in bf16 and in f32 without a difference
     */
    public RandomWeights(long seed, boolean bf16Exact) {
        this(seed, bf16Exact, 1.0);
    }

    /**
     * @param finalNormGain multiplies the final norm's weights ({@code ln_f}, offset and spread
     *        alike): the logits' scale. At unit gain a small model cannot be sure of any token of a
     *        large vocabulary: RMSNorm fixes the final hidden state's length at √h, and with
     *        {@code lm_head}'s rows of length about 1.15 the best logit of a 128-wide model is about
     *        13 against the log-sum of 151,936 random ones, about 12.6, so no hidden state puts
     *        more than two thirds of the probability on one token (a loss floor near 0.4). Trained
     *        models learn large final-norm gains; a model meant to be trained to a low loss with
     *        LoRA, which cannot change {@code ln_f}, is given one here.
     */
    public RandomWeights(long seed, boolean bf16Exact, double finalNormGain) {
        this.seed = seed;
        this.bf16Exact = bf16Exact;
        this.finalNormGain = finalNormGain;
    }

    /** The FNV-1a 64-bit hash of the name's UTF-8 bytes. */
    static long fnv1a64(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A splitmix64 stream. */
    static final class SplitMix64 {
        private long state;

        SplitMix64(long state) {
            this.state = state;
        }

        long next() {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }

    /** {@code {offset, scale}} for the tensor. */
    static double[] range(String name, long[] shape) {
        if (name.endsWith("ln_1.weight") || name.endsWith("ln_2.weight") || name.endsWith("ln_f.weight")) {
            return new double[] {1.0, 0.1};
        }
        if (name.endsWith(".bias")) {
            return new double[] {0.0, 0.1};
        }
        if (name.equals("transformer.wte.weight")) {
            return new double[] {0.0, 1.0};
        }
        return new double[] {0.0, 2.0 / Math.sqrt(shape[shape.length - 1])};
    }

    /** Fills all of {@code out} with the tensor's values, in order, starting at its first element. */
    public float[] values(String name, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        float[] out = new float[Math.toIntExact(n)];
        Stream stream = stream(name, shape);
        for (int i = 0; i < out.length; i++) {
            out[i] = stream.next();
        }
        return out;
    }

    /** The tensor's values one by one, for tensors too large to hold. */
    public Stream stream(String name, long[] shape) {
        double[] r = range(name, shape);
        if (name.equals("transformer.ln_f.weight")) {
            r = new double[] {r[0] * finalNormGain, r[1] * finalNormGain};
        }
        return new Stream(new SplitMix64(seed ^ fnv1a64(name)), r[0], r[1], bf16Exact);
    }

    /** The values of one tensor, in row-major order. */
    public static final class Stream {
        private static final double TWO_TO_MINUS_24 = 1.0 / (1 << 24);
        private final SplitMix64 random;
        private final double offset;
        private final double scale;
        private final boolean bf16;

        Stream(SplitMix64 random, double offset, double scale, boolean bf16) {
            this.random = random;
            this.offset = offset;
            this.scale = scale;
            this.bf16 = bf16;
        }

        public float next() {
            double u = (random.next() >>> 40) * TWO_TO_MINUS_24;
            float v = (float) (offset + scale * (2.0 * u - 1.0));
            return bf16 ? Float.intBitsToFloat(roundToBf16Bits(v) << 16) : v;
        }
    }

    /** The bfloat16 nearest to {@code v} (ties to even), as its 16 bits. */
    public static int roundToBf16Bits(float v) {
        int bits = Float.floatToRawIntBits(v);
        int rounding = 0x7fff + ((bits >>> 16) & 1);
        return ((bits + rounding) >>> 16) & 0xffff;
    }

    /** A writer content streaming the tensor's values as F32 or BF16 without holding them all. */
    public SafetensorsWriter.Content content(String name, long[] shape, TensorType type) {
        if (type != TensorType.F32 && type != TensorType.BF16) {
            throw new IllegalArgumentException("random tensors are written as F32 or BF16, not " + type);
        }
        return out -> {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            Stream s = stream(name, shape);
            ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < n; i++) {
                float v = s.next();
                if (type == TensorType.F32) {
                    chunk.putFloat(v);
                } else {
                    chunk.putShort((short) roundToBf16Bits(v));
                }
                if (!chunk.hasRemaining()) {
                    drain(chunk, out);
                }
            }
            drain(chunk, out);
        };
    }

    private static void drain(ByteBuffer chunk, java.nio.channels.WritableByteChannel out) throws IOException {
        chunk.flip();
        while (chunk.hasRemaining()) {
            out.write(chunk);
        }
        chunk.clear();
    }
}
