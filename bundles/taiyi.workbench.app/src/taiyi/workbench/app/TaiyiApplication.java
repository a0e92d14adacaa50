package taiyi.workbench.app;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

import taiyi.workbench.ui.WorkbenchDatabase;

/** The Taiyi Workbench desktop application. */
public final class TaiyiApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) throws Exception {
        Display display = PlatformUI.createDisplay();
        try {
            try {
                int imported = SampleCorpus.importIfEmpty(WorkbenchDatabase.store());
                if (imported > 0) {
                    ILog.of(getClass()).info("Imported the sample corpus " + SampleCorpus.CORPUS_NAME + ": " + imported
                            + " documents into " + WorkbenchDatabase.store().folder());
                }
            } catch (Exception e) {
                // The workbench is still useful without the sample (and shows what is in the database).
                ILog.of(getClass()).log(Status.error("Cannot import the sample corpus: " + e.getMessage(), e));
                MessageDialog.openError(null, Messages.TaiyiWorkbenchAdvisor_title, NLS.bind(Messages.TaiyiApplication_databaseFailed, e.getMessage()));
            }
            int code = PlatformUI.createAndRunWorkbench(display, new TaiyiWorkbenchAdvisor());
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
