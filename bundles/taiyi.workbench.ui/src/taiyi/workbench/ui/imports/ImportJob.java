package taiyi.workbench.ui.imports;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.IWorkbenchWindow;

import taiyi.workbench.formats.imports.FileImport;
import taiyi.workbench.formats.imports.FileOutcome;
import taiyi.workbench.formats.imports.ImportItem;
import taiyi.workbench.formats.imports.ImportPlan;
import taiyi.workbench.formats.imports.ImportProblem;
import taiyi.workbench.formats.imports.ImportProgress;
import taiyi.workbench.formats.imports.ImportReport;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.WorkbenchIndex;
import taiyi.workbench.ui.ExclusiveRule;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Imports a plan into a corpus in the background, one file per transaction, one progress step per
 * file; cancelling stops between files. The refused files go to the {@link ImportProblemsLog} (and
 * its view opens); the navigator and the index follow the store on their own.
 */
public final class ImportJob extends Job {

    /** The family of import jobs, to wait for them ({@code Job.getJobManager().join(FAMILY, monitor)}). */
    public static final Object FAMILY = ImportJob.class;

    /** One import at a time: the index has one writer and two imports into one corpus would race on ids. */
    private static final ISchedulingRule ONE_AT_A_TIME = new ExclusiveRule("import");

    private final String corpus;
    private final ImportPlan plan;
    private final String licence;
    private volatile ImportReport report;

    public ImportJob(String corpus, ImportPlan plan) {
        this(corpus, plan, "");
    }

    /** An import that also records the corpus's licence (blank: leave it as it is). */
    public ImportJob(String corpus, ImportPlan plan, String licence) {
        super(NLS.bind(plan.items().size() == 1 ? Messages.ImportJob_nameOne : Messages.ImportJob_nameMany, plan.items().size(), corpus));
        this.corpus = corpus;
        this.plan = plan;
        this.licence = licence;
        setUser(true);
        setRule(ONE_AT_A_TIME);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), plan.items().size());
        CorpusStore store = WorkbenchDatabase.store();
        try {
            // opened before the first commit, so every file's documents are indexed as they land
            WorkbenchIndex.index();
        } catch (RuntimeException e) {
            return Status.error(NLS.bind(Messages.ImportJob_cannotOpenIndex, e.getMessage()), e);
        }
        report = new FileImport((file, documents) -> store.documents().importDocuments(corpus, documents, file.toString()))
                .run(plan.items(), new ImportProgress() {
                    @Override
                    public void starting(ImportItem item, int index, int total) {
                        progress.subTask(NLS.bind(Messages.ImportJob_fileOfTotal, new Object[] {index + 1, total, item.file().getFileName(),
                                item.format().cliName()}));
                    }

                    @Override
                    public void finished(FileOutcome outcome) {
                        progress.worked(1);
                    }

                    @Override
                    public boolean cancelled() {
                        return progress.isCanceled();
                    }
                });
        if (!licence.isBlank() && report.imported() > 0) {
            store.documents().setLicence(corpus, licence);
        }
        // the import is done when its documents can be found
        progress.subTask(Messages.ImportJob_indexing);
        WorkbenchIndex.awaitCaughtUp();
        List<ImportProblem> problems = new ArrayList<>(plan.problems());
        problems.addAll(report.problems());
        report.warnings().stream().map(ImportProblem::of).forEach(problems::add);
        if (!problems.isEmpty()) {
            ImportProblemsLog.instance().add(problems);
            showProblems();
        }
        return report.cancelled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }

    private static void showProblems() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.asyncExec(() -> {
            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            if (window != null && window.getActivePage() != null) {
                try {
                    window.getActivePage().showView(ImportProblemsView.ID, null, org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE);
                } catch (PartInitException e) {
                    // the log keeps the problems; the view shows them when opened from Window > Show View
                }
            }
        });
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    /** What the import did, once the job has run; null before. */
    public ImportReport report() {
        return report;
    }

    public String corpus() {
        return corpus;
    }
}
