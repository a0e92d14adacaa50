package taiyi.workbench.inference.djl.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which examples each optimiser step trains on, and at what learning rate. Epoch {@code e} visits
 * the examples in the order {@link SplitMix64#permutation} gives for {@code seed + e}, cut into
 * micro-batches of {@code batch}, {@code accumulation} micro-batches a step (an epoch's last step
 * may have fewer). The rate is constant after a linear warm-up over
 * {@code ceil(warmupRatio × steps)} steps, Hugging Face's rule: step {@code s} (from 0) gets
 * {@code lr · s / warmup} while {@code s < warmup}.
 *
 * <p>Everything is a function of the step number, so a resumed run needs nothing but the step.
 */
public final class StepPlan {

    private final int examples;
    private final int batch;
    private final int accumulation;
    private final long seed;
    private final int stepsPerEpoch;
    private final int totalSteps;
    private final int warmupSteps;

    public StepPlan(int examples, int batch, int accumulation, int epochs, int maxSteps, double warmupRatio, long seed) {
        if (examples < 1 || batch < 1 || accumulation < 1 || epochs < 1) {
            throw new IllegalArgumentException("a plan needs examples, batch, accumulation and epochs of at least 1");
        }
        this.examples = examples;
        this.batch = batch;
        this.accumulation = accumulation;
        this.seed = seed;
        int microPerEpoch = (examples + batch - 1) / batch;
        this.stepsPerEpoch = (microPerEpoch + accumulation - 1) / accumulation;
        long all = (long) stepsPerEpoch * epochs;
        this.totalSteps = (int) (maxSteps > 0 ? Math.min(maxSteps, all) : all);
        this.warmupSteps = (int) Math.ceil(warmupRatio * totalSteps);
    }

    public int totalSteps() {
        return totalSteps;
    }

    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    public int warmupSteps() {
        return warmupSteps;
    }

    public int epochOf(int step) {
        return step / stepsPerEpoch;
    }

    /** The learning rate of step {@code step} (from 0). */
    public double learningRate(int step, double peak) {
        return step < warmupSteps ? peak * step / warmupSteps : peak;
    }

    /** The micro-batches of step {@code step}, each a list of example indices. */
    public List<int[]> microBatches(int step) {
        int epoch = epochOf(step);
        int[] order = SplitMix64.permutation(examples, seed + epoch);
        int within = step - epoch * stepsPerEpoch;
        List<int[]> out = new ArrayList<>();
        for (int m = within * accumulation; m < (within + 1) * accumulation; m++) {
            int from = m * batch;
            if (from >= examples) {
                break;
            }
            out.add(Arrays.copyOfRange(order, from, Math.min(examples, from + batch)));
        }
        return out;
    }

    /** The seed of one micro-batch's dropout masks. */
    public long dropoutSeed(int step, int micro) {
        return seed * 0x9E3779B97F4A7C15L + step * 1_000_003L + micro;
    }
}
