package taiyi.workbench.app;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import taiyi.workbench.ui.CjkFontNotice;
import taiyi.workbench.ui.CurationPerspective;
import taiyi.workbench.ui.WorkbenchIndex;

/**
 * Opens every window in the curation perspective with the Taiyi menus and remembers the layout
 * between sessions (the first window fills the screen on the first start); tells the curator when
 * no font covers Chinese; opens the search index in the background once the window is up (rebuilding
 * what is stale) and closes it at shutdown.
 */
final class TaiyiWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(true);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return CurationPerspective.ID;
    }

    @Override
    public void postStartup() {
        Job open = Job.create(Messages.TaiyiWorkbenchAdvisor_openingIndex, (IProgressMonitor monitor) -> {
            try {
                WorkbenchIndex.index();
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                return Status.error(NLS.bind(Messages.TaiyiWorkbenchAdvisor_cannotOpenIndex, e.getMessage()), e);
            }
        });
        open.setSystem(false);
        open.schedule();
    }

    @Override
    public void postShutdown() {
        WorkbenchIndex.close();
        taiyi.workbench.ui.preannotate.LoadedModel.release();
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new WorkbenchWindowAdvisor(configurer) {
            @Override
            public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer actionBars) {
                return new TaiyiActionBarAdvisor(actionBars);
            }

            @Override
            public void preWindowOpen() {
                IWorkbenchWindowConfigurer c = getWindowConfigurer();
                // only used when there is no saved layout, i.e. on the first start
                Rectangle screen = FirstWindowBounds.screen();
                c.setInitialSize(new Point(screen.width, screen.height));
                c.setShowCoolBar(true);
                c.setShowStatusLine(true);
                c.setShowPerspectiveBar(false);
                c.setTitle(Messages.TaiyiWorkbenchAdvisor_title);
            }

            @Override
            public void postWindowOpen() {
                Shell shell = getWindowConfigurer().getWindow().getShell();
                FirstWindowBounds.fillScreenIfFirstStart(shell);
                CjkFontNotice.checkOnce(getWindowConfigurer().getActionBarConfigurer().getStatusLineManager());
            }
        };
    }
}
