package taiyi.workbench.ui;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.swt.widgets.Display;

import taiyi.workbench.core.runtime.CjkFontCheck;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Tells the curator, once per start, when no installed font covers Chinese: in the window's
 * status line and in the error log, naming the package to install. Without such a font the
 * editor draws every ideograph of a Chinese corpus as a box, which looks like broken data rather
 * than a missing font. The check runs fontconfig in a background job, so the window never waits.
 */
public final class CjkFontNotice {

    private static final AtomicBoolean CHECKED = new AtomicBoolean();

    private CjkFontNotice() {
    }

    /** Checks in the background (the first call of a start only) and shows what it finds. */
    public static void checkOnce(IStatusLineManager statusLine) {
        if (!CHECKED.compareAndSet(false, true)) {
            return;
        }
        Display display = Display.getCurrent();
        Job job = Job.create(Messages.CjkFontNotice_job, (IProgressMonitor monitor) -> {
            CjkFontCheck.Result result = new CjkFontCheck().run();
            display.asyncExec(() -> show(result, statusLine));
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** Shows a result: the notice when fonts are missing, a log line when fontconfig could not be asked. */
    public static void show(CjkFontCheck.Result result, IStatusLineManager statusLine) {
        ILog log = ILog.of(CjkFontNotice.class);
        switch (result.coverage()) {
            case MISSING -> {
                log.log(Status.warning(result.notice()));
                statusLine.setErrorMessage(result.notice());
            }
            case UNKNOWN -> log.info("Could not check for a font that covers Chinese: " + result.detail());
            case COVERED -> {
                // nothing to say
            }
        }
    }
}
