package taiyi.workbench.learning.training;

import java.time.Duration;

/**
 * What a training run reports: once at the start, then after every optimiser step.
 */
public interface TrainingProgress {

    /**
     * @param resumedAt steps already done by an earlier, interrupted run (0 when fresh)
     * @param frozenBytes bytes of the frozen base in engine memory
     */
    default void started(int totalSteps, int resumedAt, long frozenParameters, long frozenBytes, long trainableParameters,
            int examples) {
    }

    /**
     * @param step steps done, from 1
     * @param loss the step's mean loss over its micro-batches
     * @param tokensPerSecond real (unpadded) tokens per second over this run's steps so far
     */
    default void step(int step, int totalSteps, double loss, double learningRate, double gradientNorm, double tokensPerSecond,
            Duration remaining) {
    }

    TrainingProgress NONE = new TrainingProgress() {
    };
}
