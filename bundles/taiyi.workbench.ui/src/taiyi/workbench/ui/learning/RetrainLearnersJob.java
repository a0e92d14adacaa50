package taiyi.workbench.ui.learning;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import taiyi.workbench.learning.DocumentSelection;
import taiyi.workbench.learning.learner.MentionLearner;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.learning.learner.rounds.Retraining;
import taiyi.workbench.learning.learner.rounds.RetrainingResult;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.ExclusiveRule;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Retrains a corpus's learners on its documents marked done, in the background: progress per training
 * iteration and per suggested document, cancellable between them. The learners' previous models keep
 * answering until the new ones are saved; their suggestions reach editors and the navigator through
 * the store's change events.
 */
public final class RetrainLearnersJob extends Job {

    /** One retraining at a time: two would train the same rounds. */
    private static final ISchedulingRule ONE_RETRAINING = new ExclusiveRule("learner retraining");

    private final CorpusStore store;
    private final String corpus;
    private final List<MentionLearner> learners;
    private volatile List<RetrainingResult> results = List.of();

    public RetrainLearnersJob(CorpusStore store, String corpus, List<MentionLearner> learners) {
        super(NLS.bind(Messages.RetrainLearnersJob_name, corpus));
        this.store = store;
        this.corpus = corpus;
        this.learners = List.copyOf(learners);
        setRule(ONE_RETRAINING);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), 1000);
        int[] reported = {0};
        try {
            results = new Retraining(store, corpus, WorkbenchLearners.shelf(store), WorkbenchLearners.live()).run(learners,
                    DocumentSelection.DONE, new TrainingProgress() {
                        @Override
                        public void worked(int done, int total) {
                            int now = (int) (1000L * done / Math.max(1, total));
                            if (now > reported[0]) {
                                progress.worked(now - reported[0]);
                                reported[0] = now;
                            }
                        }

                        @Override
                        public boolean isCancelled() {
                            return monitor.isCanceled();
                        }
                    });
            return new Status(IStatus.OK, RetrainLearnersJob.class, describe(results));
        } catch (CancellationException e) {
            return new Status(IStatus.CANCEL, RetrainLearnersJob.class, e.getMessage());
        } catch (IllegalArgumentException e) {
            // nothing marked done yet: not a failure, the learners simply have nothing to learn from
            return new Status(IStatus.INFO, RetrainLearnersJob.class, e.getMessage());
        } catch (RuntimeException e) {
            return new Status(IStatus.ERROR, RetrainLearnersJob.class, NLS.bind(Messages.RetrainLearnersJob_failed, e.getMessage()), e);
        } finally {
            monitor.done();
        }
    }

    /** What each learner's retraining did, once the job has finished. */
    public List<RetrainingResult> results() {
        return results;
    }

    static String describe(List<RetrainingResult> results) {
        StringBuilder s = new StringBuilder();
        for (RetrainingResult r : results) {
            s.append(s.length() == 0 ? "" : "; ").append(NLS.bind(Messages.RetrainLearnersJob_result, new Object[] {r.learnerId(), r.round(),
                    r.trainingDocuments(), String.format(Locale.ROOT, "%.1f", r.trainingSeconds()), r.suggestions()}));
        }
        return s.toString();
    }
}
