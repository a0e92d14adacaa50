package taiyi.workbench.learning.training;

import java.nio.file.Path;

/**
 * How a run ended.
 *
 * @param adapter the adapter folder, or null when the run was cancelled (its checkpoint stays)
 * @param steps optimiser steps done in all
 * @param finalLoss the last step's loss
 * @param tokens real tokens trained on in all
 */
public record TrainingResult(Path adapter, int steps, int totalSteps, double finalLoss, long tokens, boolean cancelled) {
}
