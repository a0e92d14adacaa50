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
import org.eclipse.osgi.util.NLS;

import taiyi.workbench.learning.training.TrainingProgress;
import taiyi.workbench.learning.training.TrainingResult;
import taiyi.workbench.learning.training.TrainingRun;
import taiyi.workbench.ui.ExclusiveRule;
import taiyi.workbench.ui.l10n.Messages;

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
        super(NLS.bind(Messages.TrainAdapterJob_name, request.round().getFileName()));
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
                    progress.subTask(resumedAt > 0 ? NLS.bind(Messages.TrainAdapterJob_resuming, new Object[] {examples, totalSteps, resumedAt})
                            : NLS.bind(Messages.TrainAdapterJob_started, examples, totalSteps));
                }

                @Override
                public void step(int step, int totalSteps, double loss, double learningRate, double gradientNorm,
                        double tokensPerSecond, Duration remaining) {
                    progress.worked(1);
                    progress.subTask(NLS.bind(Messages.TrainAdapterJob_step, new Object[] {step, totalSteps,
                            String.format(Locale.ROOT, "%.4f", loss), String.format(Locale.ROOT, "%.0f", tokensPerSecond),
                            remaining.toMinutes()}));
                }
            }, monitor::isCanceled);
            if (result.cancelled()) {
                return new Status(IStatus.CANCEL, TrainAdapterJob.class,
                        NLS.bind(Messages.TrainAdapterJob_cancelled, result.steps(), result.totalSteps()));
            }
            return new Status(IStatus.OK, TrainAdapterJob.class, NLS.bind(Messages.TrainAdapterJob_done,
                    new Object[] {result.steps(), String.format(Locale.ROOT, "%.4f", result.finalLoss()), result.tokens(),
                            result.adapter()}));
        } catch (IOException | RuntimeException e) {
            return new Status(IStatus.ERROR, TrainAdapterJob.class, NLS.bind(Messages.TrainAdapterJob_failed, e.getMessage()), e);
        } finally {
            monitor.done();
        }
    }

    /** How the run ended, once the job has finished (null if it failed). */
    public TrainingResult result() {
        return result;
    }
}
