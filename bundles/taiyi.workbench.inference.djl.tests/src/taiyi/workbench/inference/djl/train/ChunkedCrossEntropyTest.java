package taiyi.workbench.inference.djl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.inference.djl.PyTorchEngineLoader;

/**
 * The streamed cross-entropy over {@code lm_head}'s row chunks against the whole-vocabulary one the
 * engine computes with its own log-softmax and autograd: the same loss and the same gradient
 * whatever the chunks, with targets in the first, a middle and the last chunk, and logits large
 * enough that a naive exponential would overflow.
 */
class ChunkedCrossEntropyTest {

    private static final int N = 6;
    private static final int D = 16;
    private static final int V = 1000;
    private static final long[] TARGETS = {0, 17, 450, 451, 998, 999};

    @BeforeAll
    static void engine() throws IOException {
        PyTorchEngineLoader.load(WorkbenchDataFolder.resolve().engineCache());
    }

    private static float[] values(int n, long seed, float scale) {
        SplitMix64 rng = new SplitMix64(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (scale * (2 * rng.nextUnit() - 1));
        }
        return out;
    }

    @Test
    void chunksGiveTheWholeVocabularysLossAndGradient() {
        boolean grad = JniUtils.isGradMode();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), PyTorchEngineLoader.ENGINE_NAME)) {
            NDArray h = m.create(values(N * D, 1, 8f), new Shape(N, D));
            NDArray w = m.create(values(V * D, 2, 3f), new Shape(V, D));
            NDArray targets = m.create(TARGETS);

            // the engine's own: log-softmax over all logits, gathered, and autograd back to h
            NDArray leaf = h.duplicate();
            leaf.setRequiresGradient(true);
            JniUtils.setGradMode(true);
            NDArray logits = leaf.getNDArrayInternal().linear(leaf, w, null).singletonOrThrow();
            NDArray expectedLoss = logits.logSoftmax(1).gather(targets.reshape(N, 1), 1).mean().neg().mul(0.5f);
            JniUtils.setGradMode(false);
            JniUtils.backward((PtNDArray) expectedLoss, (PtNDArray) expectedLoss.onesLike(), false, false);
            float[] expectedGradient = leaf.getGradient().toFloatArray();
            float expected = expectedLoss.getFloat() * 2;
            assertTrue(expected > 1, "a loss that says something: " + expected);
            assertTrue(logits.max().getFloat() > 89, "logits whose exponential overflows float32");

            for (long[] bounds : new long[][] {{0, V}, {0, 300, 451, 452, 999, V}, {0, 1, 2, 3, 500, V}}) {
                try (ChunkedCrossEntropy ce = new ChunkedCrossEntropy(m, h, targets)) {
                    for (int c = 0; c + 1 < bounds.length; c++) {
                        try (NDArray chunk = w.get(new NDIndex("{}:{}", bounds[c], bounds[c + 1]))) {
                            ce.add(chunk, bounds[c]);
                        }
                    }
                    assertEquals(expected, ce.loss().getFloat(), 1e-5 * Math.abs(expected), java.util.Arrays.toString(bounds));
                    float[] gradient = ce.gradient(0.5).toFloatArray();
                    for (int i = 0; i < gradient.length; i++) {
                        assertEquals(expectedGradient[i], gradient[i], 1e-5, java.util.Arrays.toString(bounds) + " [" + i + "]");
                    }
                }
            }
        } finally {
            JniUtils.setGradMode(grad);
        }
    }
}
