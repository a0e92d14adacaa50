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
import taiyi.workbench.learning.adapters.AdapterChoice;
import taiyi.workbench.learning.adapters.AdapterSelection;
import taiyi.workbench.learning.adapters.ChosenAdapter;
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
    /** the model to load in process (its adapter, if any, chosen in the job), or null when {@link #endpoint} answers */
    private final GeneratorSettings configured;
    private final boolean fromRegistry;
    private final OpenAiEndpoint endpoint;
    private final String template;
    private final GenerationOptions options;
    private final int configuredRound;
    private final Set<TaskKind> tasks;
    private volatile PreannotationSummary summary;

    public PreannotateJob(CorpusStore store, String corpus, List<String> documentIds, GeneratorSettings settings,
            GenerationOptions options, int round, Set<TaskKind> tasks) {
        this(store, corpus, documentIds, settings, false, options, round, tasks);
    }

    /**
     * A job that, when {@code fromRegistry} and the settings name no adapter, loads the latest
     * registered round's adapter of the corpus trained on the model's weights (chosen in the job:
     * hashing the model takes a while) and stores the suggestions with that adapter's round.
     */
    public PreannotateJob(CorpusStore store, String corpus, List<String> documentIds, GeneratorSettings settings,
            boolean fromRegistry, GenerationOptions options, int round, Set<TaskKind> tasks) {
        super(NLS.bind(documentIds.size() == 1 ? Messages.PreannotateJob_nameOne : Messages.PreannotateJob_nameMany, documentIds.size(), corpus));
        this.store = store;
        this.corpus = corpus;
        this.documentIds = List.copyOf(documentIds);
        this.configured = settings;
        this.fromRegistry = fromRegistry;
        this.endpoint = null;
        this.template = settings.templateId();
        this.options = options;
        this.configuredRound = round;
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
        this.configured = null;
        this.fromRegistry = false;
        this.endpoint = endpoint;
        this.template = template;
        this.options = options;
        this.configuredRound = round;
        this.tasks = Set.copyOf(tasks);
        setRule(ONE_MODEL);
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), documentIds.size() + 1);
        try {
            GeneratorSettings settings = configured;
            int round = configuredRound;
            if (endpoint == null && fromRegistry && configured.adapter().isEmpty()) {
                progress.subTask(NLS.bind(Messages.PreannotateJob_lookingForAdapter, configured.modelFolder().getFileName()));
                ChosenAdapter chosen = new AdapterSelection(store).choose(corpus, configured.modelFolder(), AdapterChoice.latest());
                if (chosen.folder().isPresent()) {
                    settings = new GeneratorSettings(configured.modelFolder(), chosen.folder().get(), configured.device(),
                            configured.precision(), configured.templateId());
                    round = chosen.round().orElse(configuredRound);
                }
            }
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
