package taiyi.workbench.inference.djl.qwen;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import taiyi.workbench.inference.djl.weights.WeightSource;
import taiyi.workbench.inference.djl.weights.WeightTensor;

/**
 * The weights a Qwen v1 checkpoint holds, by their Hugging Face names, and the shape each must
 * have for a given config. The loader checks checkpoints against it; the random checkpoint writer
 * writes exactly it.
 */
public final class QwenLayout {

    public static final String EMBEDDING = "transformer.wte.weight";
    public static final String FINAL_NORM = "transformer.ln_f.weight";
    public static final String LM_HEAD = "lm_head.weight";

    private QwenLayout() {
    }

    /** Name of a weight of decoder block {@code layer}, e.g. {@code block(3, "attn.c_attn.weight")}. */
    public static String block(int layer, String suffix) {
        return "transformer.h." + layer + "." + suffix;
    }

    /** Every weight with its shape, in checkpoint order. */
    public static Map<String, long[]> shapes(QwenConfig c) {
        long h = c.hiddenSize();
        long p = c.projectionSize();
        long m = c.mlpWidth();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put(EMBEDDING, new long[] {c.vocabSize(), h});
        for (int i = 0; i < c.layers(); i++) {
            shapes.put(block(i, "ln_1.weight"), new long[] {h});
            shapes.put(block(i, "attn.c_attn.weight"), new long[] {3 * p, h});
            shapes.put(block(i, "attn.c_attn.bias"), new long[] {3 * p});
            shapes.put(block(i, "attn.c_proj.weight"), new long[] {h, p});
            shapes.put(block(i, "ln_2.weight"), new long[] {h});
            shapes.put(block(i, "mlp.w1.weight"), new long[] {m, h});
            shapes.put(block(i, "mlp.w2.weight"), new long[] {m, h});
            shapes.put(block(i, "mlp.c_proj.weight"), new long[] {h, m});
        }
        shapes.put(FINAL_NORM, new long[] {h});
        shapes.put(LM_HEAD, new long[] {c.vocabSize(), h});
        return shapes;
    }

    /**
     * Checks that a checkpoint holds every weight the config needs, each in its shape.
     *
     * @throws IllegalArgumentException naming the checkpoint and the first weight that differs
     */
    public static void check(WeightSource source, QwenConfig config) {
        for (Map.Entry<String, long[]> e : shapes(config).entrySet()) {
            WeightTensor t = source.get(e.getKey());
            if (!Arrays.equals(t.shape(), e.getValue())) {
                throw new IllegalArgumentException(source.describe() + ": weight " + e.getKey() + " is "
                        + Arrays.toString(t.shape()) + " but the config needs " + Arrays.toString(e.getValue()));
            }
        }
    }
}
