package taiyi.workbench.ui.round;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.learning.export.ConversationLength;
import taiyi.workbench.learning.export.RoundExport;
import taiyi.workbench.learning.export.RoundRequest;
import taiyi.workbench.learning.export.RoundSummary;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Writes a round in the background, one progress step per document; cancelling leaves nothing
 * written. When it ends it shows the manifest's counts in a dialog titled {@value #RESULT_TITLE}.
 */
public final class RoundExportJob extends Job {

    public static final String RESULT_TITLE = Messages.RoundExportJob_resultTitle;

    private final RoundRequest request;
    private final Path folder;
    private final Path tokenizer;
    private volatile RoundSummary summary;

    public RoundExportJob(RoundRequest request, Path folder, Path tokenizer) {
        super(NLS.bind(Messages.RoundExportJob_name, request.round(), folder));
        this.request = request;
        this.folder = folder;
        this.tokenizer = tokenizer;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), 1000);
        try {
            progress.subTask(Messages.RoundExportJob_loadingTokenizer);
            ConversationLength length = new ConversationLength(QwenTokenizer.load(tokenizer));
            int[] reported = {0};
            summary = new RoundExport(WorkbenchDatabase.store(), length).write(request, folder, new TrainingProgress() {
                @Override
                public synchronized void worked(int done, int total) {
                    int now = (int) (1000L * done / Math.max(1, total));
                    if (now > reported[0]) {
                        progress.worked(now - reported[0]);
                        reported[0] = now;
                    }
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCanceled();
                }
            });
        } catch (CancellationException e) {
            return Status.CANCEL_STATUS;
        } catch (Exception e) {
            return Status.error(e.getMessage(), e);
        }
        showCounts(summary);
        return Status.OK_STATUS;
    }

    /** What the round holds, as the dialog says it. */
    static String describe(RoundSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(NLS.bind(Messages.RoundExportJob_exported, s.documents(), s.folder())).append("\n\n");
        b.append(NLS.bind(Messages.RoundExportJob_train, s.train(), s.replayed())).append('\n');
        b.append(NLS.bind(Messages.RoundExportJob_validation, s.validation())).append('\n');
        s.byTaskAndLanguage().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> b.append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        if (!s.drops().isEmpty()) {
            b.append('\n').append(Messages.RoundExportJob_dropped).append('\n');
            s.drops().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> b.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        }
        if (!s.inexpressible().isEmpty()) {
            b.append('\n').append(Messages.RoundExportJob_inexpressible).append('\n');
            s.inexpressible().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> b.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        }
        b.append('\n').append(Messages.RoundExportJob_manifest);
        return b.toString();
    }

    /**
     * Shows the counts in a dialog that does not block the event loop it opens from: a blocking one
     * would hold whatever runnable drained the queue (the curator's next job, a test's wait) until
     * it is dismissed.
     */
    private static void showCounts(RoundSummary s) {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.asyncExec(() -> {
            MessageDialog dialog = new MessageDialog(display.getActiveShell(), RESULT_TITLE, null, describe(s),
                    MessageDialog.INFORMATION, 0, IDialogConstants.OK_LABEL);
            dialog.setBlockOnOpen(false);
            dialog.open();
        });
    }

    /** What was written, once the job has run; null before or when it failed. */
    public RoundSummary summary() {
        return summary;
    }
}
