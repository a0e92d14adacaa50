package taiyi.workbench.ui.preannotate;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.GeneratorSettings;
import taiyi.workbench.inference.remote.OpenAiEndpoint;
import taiyi.workbench.inference.TextGenerator;
import taiyi.workbench.inference.run.PreannotationRun;
import taiyi.workbench.inference.run.PreannotationSummary;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.ExclusiveRule;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Pre-annotates documents of a corpus in the background: loads (or reuses) the model, then one
 * progress step per document; cancelling stops between generation steps and keeps the documents
 * already stored. Editors and the navigator follow through the store's change events.
 */
public final class PreannotateJob extends Job {

    /** One model, one run at a time. */
    private static final ISchedulingRule ONE_MODEL = new ExclusiveRule("pre-annotation");

    private final CorpusStore store;
    private final String corpus;
    private final List<String> documentIds;
    /** the model to load in process, or null when {@link #endpoint} answers */
    private final GeneratorSettings settings;
    private final OpenAiEndpoint endpoint;
    private final String template;
    private final GenerationOptions options;
    private final int round;
    private final Set<TaskKind> tasks;
    private volatile PreannotationSummary summary;

    public PreannotateJob(CorpusStore store, String corpus, List<String> documentIds, GeneratorSettings settings,
            GenerationOptions options, int round, Set<TaskKind> tasks) {
        super(NLS.bind(documentIds.size() == 1 ? Messages.PreannotateJob_nameOne : Messages.PreannotateJob_nameMany, documentIds.size(), corpus));
        this.store = store;
        this.corpus = corpus;
        this.documentIds = List.copyOf(documentIds);
        this.settings = settings;
        this.endpoint = null;
        this.template = settings.templateId();
        this.options = options;
        this.round = round;
        this.tasks = Set.copyOf(tasks);
        setRule(ONE_MODEL);
        setUser(true);
    }

    /** A job that asks an OpenAI-compatible server, with prompts in {@code template} (completions) or ChatML (chat). */
    public PreannotateJob(CorpusStore store, String corpus, List<String> documentIds, OpenAiEndpoint endpoint, String template,
            GenerationOptions options, int round, Set<TaskKind> tasks) {
        super(NLS.bind(documentIds.size() == 1 ? Messages.PreannotateJob_nameOne : Messages.PreannotateJob_nameMany, documentIds.size(), corpus));
        this.store = store;
        this.corpus = corpus;
        this.documentIds = List.copyOf(documentIds);
        this.settings = null;
        this.endpoint = endpoint;
        this.template = template;
        this.options = options;
        this.round = round;
        this.tasks = Set.copyOf(tasks);
        setRule(ONE_MODEL);
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), documentIds.size() + 1);
        try {
            progress.subTask(endpoint != null ? NLS.bind(Messages.PreannotateJob_connecting, endpoint.baseUri())
                    : NLS.bind(Messages.PreannotateJob_loading, settings.modelFolder().getFileName()));
            TextGenerator generator = endpoint != null ? LoadedModel.get(endpoint, template) : LoadedModel.get(settings);
            progress.worked(1);
            PreannotationRun run = new PreannotationRun(store, corpus, generator, options, round, tasks);
            summary = run.run(documentIds, new PreannotationRun.Progress() {
                @Override
                public void documentDone(taiyi.workbench.inference.run.DocumentOutcome outcome, int done, int total) {
                    progress.subTask(outcome.skipped()
                            ? NLS.bind(Messages.PreannotateJob_skipped, new Object[] {outcome.documentId(), done, total})
                            : NLS.bind(Messages.PreannotateJob_done, new Object[] {outcome.documentId(), outcome.mentions(), done, total}));
                    progress.worked(1);
                }

                @Override
                public void onWindow(String documentId, int windowIndex, int windowCount) {
                    progress.subTask(NLS.bind(Messages.PreannotateJob_window, new Object[] {documentId, windowIndex + 1, windowCount}));
                }
            }, monitor::isCanceled);
            return summary.cancelled() ? new Status(IStatus.CANCEL, PreannotateJob.class, summary.describe())
                    : new Status(IStatus.OK, PreannotateJob.class, summary.describe());
        } catch (IOException | RuntimeException e) {
            return new Status(IStatus.ERROR, PreannotateJob.class, NLS.bind(Messages.PreannotateJob_failed, e.getMessage()), e);
        } finally {
            monitor.done();
        }
    }

    /** What the run did, once it has finished; null before. */
    public PreannotationSummary summary() {
        return summary;
    }
}
