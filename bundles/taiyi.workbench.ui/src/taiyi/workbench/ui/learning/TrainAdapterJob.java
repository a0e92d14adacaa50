package taiyi.workbench.ui.learning;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;

import taiyi.workbench.learning.training.TrainingProgress;
import taiyi.workbench.learning.training.TrainingResult;
import taiyi.workbench.learning.training.TrainingRun;
import taiyi.workbench.ui.ExclusiveRule;

/**
 * Trains a LoRA/QLoRA adapter on an exported round in the background, the same run as
 * {@code taiyi train}: one progress tick per optimiser step, with the step's loss, tokens/s and the
 * time left as the task name. Cancelling stops after the current step and keeps a checkpoint, from
 * which the same training started again resumes.
 */
public final class TrainAdapterJob extends Job {

    /** One training at a time: two would fight over the engine's threads and memory. */
    private static final ISchedulingRule ONE_TRAINING = new ExclusiveRule("adapter training");

    private final TrainingRun.Request request;
    private volatile TrainingResult result;

    public TrainAdapterJob(TrainingRun.Request request) {
        super("Training an adapter on " + request.round().getFileName());
        this.request = request;
        setRule(ONE_TRAINING);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), 1);
        try {
            result = TrainingRun.run(request, new TrainingProgress() {
                @Override
                public void started(int totalSteps, int resumedAt, long frozenParameters, long frozenBytes, long trainable,
                        int examples) {
                    progress.setWorkRemaining(Math.max(1, totalSteps - resumedAt));
                    progress.subTask(String.format(Locale.ROOT, "%d conversations, %d steps%s", examples, totalSteps,
                            resumedAt > 0 ? ", resuming after step " + resumedAt : ""));
                }

                @Override
                public void step(int step, int totalSteps, double loss, double learningRate, double gradientNorm,
                        double tokensPerSecond, Duration remaining) {
                    progress.worked(1);
                    progress.subTask(String.format(Locale.ROOT, "step %d/%d, loss %.4f, %.0f tokens/s, %d min left", step,
                            totalSteps, loss, tokensPerSecond, remaining.toMinutes()));
                }
            }, monitor::isCanceled);
            if (result.cancelled()) {
                return new Status(IStatus.CANCEL, TrainAdapterJob.class, "Training cancelled after step " + result.steps() + " of "
                        + result.totalSteps() + "; start it again to resume from its checkpoint");
            }
            return new Status(IStatus.OK, TrainAdapterJob.class, String.format(Locale.ROOT,
                    "Adapter trained in %d steps, final loss %.4f, %d tokens: %s", result.steps(), result.finalLoss(),
                    result.tokens(), result.adapter()));
        } catch (IOException | RuntimeException e) {
            return new Status(IStatus.ERROR, TrainAdapterJob.class, "Training failed: " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    /** How the run ended, once the job has finished (null if it failed). */
    public TrainingResult result() {
        return result;
    }
}
