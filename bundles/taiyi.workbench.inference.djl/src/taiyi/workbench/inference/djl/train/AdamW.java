package taiyi.workbench.inference.djl.train;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;

/**
 * AdamW with decoupled weight decay, as {@code torch.optim.AdamW} computes it, over the LoRA
 * arrays' accumulated gradients, preceded by clipping to a total L2 norm:
 * {@code p ← p·(1 − lr·wd)}, {@code m ← β₁m + (1−β₁)g}, {@code v ← β₂v + (1−β₂)g²},
 * {@code p ← p − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε)}. The moments and the step count are its whole
 * state, which a checkpoint saves.
 */
public final class AdamW {

    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final List<NDArray> parameters;
    private final List<NDArray> first = new ArrayList<>();
    private final List<NDArray> second = new ArrayList<>();
    private final double weightDecay;
    private long steps;

    public AdamW(LoraQwen model, double weightDecay) {
        this.parameters = new ArrayList<>();
        for (LoraPair p : model.pairs()) {
            parameters.add(p.a());
            parameters.add(p.b());
        }
        this.weightDecay = weightDecay;
        NDManager manager = model.parameterManager();
        for (NDArray p : parameters) {
            first.add(manager.zeros(p.getShape()));
            second.add(manager.zeros(p.getShape()));
        }
    }

    /**
     * Clips the gradients to {@code maxNorm} (when positive) and updates every parameter.
     *
     * @return the gradients' total L2 norm before clipping
     */
    public double step(double learningRate, double maxNorm) {
        boolean wasGrad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDScope scope = new NDScope()) {
            List<NDArray> grads = new ArrayList<>();
            double squares = 0;
            for (NDArray p : parameters) {
                NDArray g = p.getGradient();
                grads.add(g);
                squares += g.square().sum().getFloat();
            }
            double norm = Math.sqrt(squares);
            double coefficient = maxNorm / (norm + 1e-6);
            steps++;
            double correction1 = 1 - Math.pow(BETA1, steps);
            double correction2 = 1 - Math.pow(BETA2, steps);
            for (int i = 0; i < parameters.size(); i++) {
                NDArray p = parameters.get(i);
                NDArray g = grads.get(i);
                if (maxNorm > 0 && coefficient < 1.0) {
                    g = g.mul((float) coefficient);
                }
                p.muli((float) (1 - learningRate * weightDecay));
                first.get(i).muli((float) BETA1).addi(g.mul((float) (1 - BETA1)));
                second.get(i).muli((float) BETA2).addi(g.mul(g).mul((float) (1 - BETA2)));
                NDArray denominator = second.get(i).sqrt().div((float) Math.sqrt(correction2)).add((float) EPSILON);
                p.subi(first.get(i).mul((float) (learningRate / correction1)).div(denominator));
            }
            return norm;
        } finally {
            JniUtils.setGradMode(wasGrad);
        }
    }

    public long steps() {
        return steps;
    }

    /** First and second moments, in parameter order (A, B of each pair). */
    public List<NDArray> firstMoments() {
        return first;
    }

    public List<NDArray> secondMoments() {
        return second;
    }

    /** Restores a checkpoint's state: moments by copying into place, and the step count. */
    public void restore(long steps, List<float[]> firstValues, List<float[]> secondValues) {
        for (int i = 0; i < parameters.size(); i++) {
            first.get(i).set(firstValues.get(i));
            second.get(i).set(secondValues.get(i));
        }
        this.steps = steps;
    }
}
