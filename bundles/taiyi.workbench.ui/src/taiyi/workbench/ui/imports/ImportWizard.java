package taiyi.workbench.ui.imports;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import taiyi.workbench.ui.l10n.Messages;

/** File &gt; Import…: files and format, then the corpus; Finish starts an {@link ImportJob}. */
public final class ImportWizard extends Wizard implements IImportWizard {

    private final ImportSourcesPage sources = new ImportSourcesPage();
    private final ImportTargetPage target = new ImportTargetPage();
    private ImportJob job;

    public ImportWizard() {
        setWindowTitle(Messages.ImportWizard_title);
        setNeedsProgressMonitor(false);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        // the selection does not preset anything: the corpus page lists every corpus anyway
    }

    @Override
    public void addPages() {
        addPage(sources);
        addPage(target);
    }

    @Override
    public boolean performFinish() {
        job = new ImportJob(target.corpus(), sources.plan(), target.licence());
        job.schedule();
        return true;
    }

    public ImportSourcesPage sourcesPage() {
        return sources;
    }

    public ImportTargetPage targetPage() {
        return target;
    }

    /** The job Finish started; null before. */
    public ImportJob job() {
        return job;
    }
}
