package taiyi.workbench.inference.djl.train;

import java.util.Arrays;

/**
 * A float tensor stored as NF4 with double quantisation, the QLoRA paper's format (bitsandbytes'
 * {@code quant_type="nf4", compress_statistics=True}): 4-bit codes into the 16 NormalFloat levels,
 * two a byte (first in the high nibble), one scale (absmax) per block of 64 values; the scales
 * minus their mean stored as 8-bit codes into {@link DynamicMap} with one float32 scale per block
 * of 256.
 *
 * <p>Quantising: each value times {@code 1 / absmax} (float32) takes the nearest level (see
 * {@link NearestLevel}); a block of zeros has absmax 0 and codes for 0. The mean of the scales is
 * summed in double, in order, then rounded to float32. Dequantising, all in float32:
 * {@code absmax = code8[q] * scale2 + offset}, {@code w = NF4[c] * absmax}. Exactly this is what
 * {@code releng/python/lora_reference.py} does, and the tests compare both bit for bit.
 *
 * @param shape the original shape
 * @param count values (the product of the shape)
 * @param packed {@code ceil(count / 2)} bytes of codes
 * @param absmaxCodes one 8-bit code per block of 64
 * @param absmaxScales one float per block of 256 scales
 * @param offset the mean of the scales, added back when dequantising
 */
public record Nf4Tensor(long[] shape, int count, byte[] packed, byte[] absmaxCodes, float[] absmaxScales, float offset) {

    public static final int BLOCK = 64;
    public static final int SCALE_BLOCK = 256;

    /** The 16 NormalFloat levels (bitsandbytes {@code functional.py}), as float32. */
    public static final float[] LEVELS = {-1.0f, -0.6961928009986877f, -0.5250730514526367f, -0.39491748809814453f,
            -0.28444138169288635f, -0.18477343022823334f, -0.09105003625154495f, 0.0f, 0.07958029955625534f,
            0.16093020141124725f, 0.24611230194568634f, 0.33791524171829224f, 0.44070982933044434f, 0.5626170039176941f,
            0.7229568362236023f, 1.0f};

    private static final NearestLevel NF4 = new NearestLevel(LEVELS);
    private static final NearestLevel CODE8 = new NearestLevel(DynamicMap.VALUES);

    /** Quantises row-major float32 values of the given shape. */
    public static Nf4Tensor quantise(float[] values, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(values.length + " values do not fill shape " + Arrays.toString(shape));
        }
        return quantise(FloatSequence.of(values), shape);
    }

    /** Quantises {@code product(shape)} values read one at a time (twice) from {@code source}. */
    public static Nf4Tensor quantise(FloatSequence source, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        FloatSequence values = source;
        int length = Math.toIntExact(n);
        int blocks = (length + BLOCK - 1) / BLOCK;
        float[] absmax = new float[blocks];
        byte[] packed = new byte[(length + 1) / 2];
        int zero = NF4.index(0f);
        for (int b = 0; b < blocks; b++) {
            int from = b * BLOCK;
            int to = Math.min(length, from + BLOCK);
            float m = 0f;
            for (int i = from; i < to; i++) {
                m = Math.max(m, Math.abs(values.get(i)));
            }
            absmax[b] = m;
            float inverse = m == 0f ? 0f : 1f / m;
            for (int i = from; i < to; i++) {
                int code = m == 0f ? zero : NF4.index(values.get(i) * inverse);
                packed[i / 2] |= (byte) ((i % 2 == 0) ? code << 4 : code);
            }
        }
        if (length % 2 == 1) {
            packed[packed.length - 1] |= (byte) zero;
        }
        double total = 0;
        for (float a : absmax) {
            total += a;
        }
        float offset = (float) (total / blocks);
        int scaleBlocks = (blocks + SCALE_BLOCK - 1) / SCALE_BLOCK;
        float[] scales = new float[scaleBlocks];
        byte[] codes = new byte[blocks];
        int code8Zero = CODE8.index(0f);
        for (int s = 0; s < scaleBlocks; s++) {
            int from = s * SCALE_BLOCK;
            int to = Math.min(blocks, from + SCALE_BLOCK);
            float m = 0f;
            for (int i = from; i < to; i++) {
                m = Math.max(m, Math.abs(absmax[i] - offset));
            }
            scales[s] = m;
            float inverse = m == 0f ? 0f : 1f / m;
            for (int i = from; i < to; i++) {
                codes[i] = (byte) (m == 0f ? code8Zero : CODE8.index((absmax[i] - offset) * inverse));
            }
        }
        return new Nf4Tensor(shape.clone(), length, packed, codes, scales, offset);
    }

    /** The block scales as dequantisation sees them. */
    public float[] absmax() {
        float[] out = new float[absmaxCodes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = DynamicMap.VALUES[absmaxCodes[i] & 0xff] * absmaxScales[i / SCALE_BLOCK] + offset;
        }
        return out;
    }

    /** The values back, in float32. */
    public float[] dequantise() {
        float[] absmax = absmax();
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            int b = packed[i / 2] & 0xff;
            int code = i % 2 == 0 ? b >>> 4 : b & 15;
            out[i] = LEVELS[code] * absmax[i / BLOCK];
        }
        return out;
    }

    /** Bytes this tensor holds: codes, 8-bit scales, their float scales and the offset. */
    public long bytes() {
        return packed.length + absmaxCodes.length + 4L * absmaxScales.length + 4;
    }
}
