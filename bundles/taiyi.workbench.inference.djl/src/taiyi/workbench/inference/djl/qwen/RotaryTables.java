package taiyi.workbench.inference.djl.qwen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The rotary embedding's cos and sin for every position up to {@code seq_length}, float32
 * {@code [seq_length, rotaryDim]}, laid out as Qwen v1 does: frequencies
 * {@code base^(-2i/dim)} repeated for both halves ({@code cat(freqs, freqs)}).
 */
public final class RotaryTables {

    private RotaryTables() {
    }

    /** {@code {cos, sin}} in {@code manager}. */
    public static NDArray[] create(NDManager manager, QwenConfig config) {
        int dim = config.rotaryDim();
        int half = dim / 2;
        int positions = config.seqLength();
        float[] inverse = new float[half];
        for (int i = 0; i < half; i++) {
            // float32 like torch: 1 / base ** (arange(0, dim, 2).float() / dim)
            inverse[i] = (float) (1.0 / Math.pow(config.rotaryBase(), (float) (2 * i) / dim));
        }
        float[] cos = new float[positions * dim];
        float[] sin = new float[positions * dim];
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < half; i++) {
                float angle = p * inverse[i];
                float c = (float) Math.cos(angle);
                float s = (float) Math.sin(angle);
                cos[p * dim + i] = c;
                cos[p * dim + half + i] = c;
                sin[p * dim + i] = s;
                sin[p * dim + half + i] = s;
            }
        }
        Shape shape = new Shape(positions, dim);
        return new NDArray[] {manager.create(cos, shape), manager.create(sin, shape)};
    }

    /**
     * NeoX rotate-half on the first {@code rotaryDim} channels of each head of a float32
     * {@code [B, heads, T, d]}, the rest passed through; {@code cos}/{@code sin} are the tables'
     * rows for the {@code T} positions.
     */
    public static NDArray rotate(NDArray x, NDArray cos, NDArray sin, int rotaryDim, int headDim) {
        NDArray turned;
        NDArray passed = null;
        if (rotaryDim < headDim) {
            NDList split = x.split(new long[] {rotaryDim}, 3);
            turned = split.get(0);
            passed = split.get(1);
        } else {
            turned = x;
        }
        NDList halves = turned.split(2, 3);
        NDArray rotatedHalf = halves.get(1).neg().concat(halves.get(0), 3);
        NDArray result = turned.mul(cos).add(rotatedHalf.mul(sin));
        return passed == null ? result : result.concat(passed, 3);
    }
}
