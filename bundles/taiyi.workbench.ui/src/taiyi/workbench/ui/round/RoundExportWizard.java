package taiyi.workbench.ui.round;

import org.eclipse.jface.wizard.Wizard;
import taiyi.workbench.ui.l10n.Messages;

/** File &gt; Export Round…: one page of settings with a preview; Finish starts a {@link RoundExportJob}. */
public final class RoundExportWizard extends Wizard {

    private final RoundExportPage page = new RoundExportPage();
    private RoundExportJob job;

    public RoundExportWizard() {
        setWindowTitle(Messages.RoundExportWizard_title);
        setNeedsProgressMonitor(false);
    }

    @Override
    public void addPages() {
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        try {
            job = new RoundExportJob(page.request(), page.folder(), page.tokenizer());
        } catch (IllegalArgumentException e) {
            page.setErrorMessage(e.getMessage());
            return false;
        }
        job.schedule();
        return true;
    }

    public RoundExportPage page() {
        return page;
    }

    /** The job Finish started; null before. */
    public RoundExportJob job() {
        return job;
    }
}
