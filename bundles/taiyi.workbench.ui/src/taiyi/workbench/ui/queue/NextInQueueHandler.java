package taiyi.workbench.ui.queue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.statushandlers.StatusManager;

import taiyi.workbench.learning.queue.CurationQueue;
import taiyi.workbench.learning.queue.RankedDocument;
import taiyi.workbench.learning.queue.StoredQueuePool;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.CorpusSummary;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.editor.DocumentEditor;
import taiyi.workbench.ui.l10n.Messages;

/**
 * N: opens the next document of the queue at its most uncertain suggestion. The corpus is the active
 * editor's, else the Queue view's, else the first; the document open in the active editor is the one
 * being curated, so the next is the best ranked other one.
 *
 * <p>Ranking reads every open suggestion of the corpus, which takes seconds on a large one, so it runs
 * in a job and the document opens when it is ready. An N pressed while a ranking runs starts no
 * second one: a curator who presses it twice wants one document, not two in turn.
 */
public final class NextInQueueHandler extends AbstractHandler {

    public static final String COMMAND_ID = "taiyi.workbench.ui.queue.next";

    /** Set from an N until its document is open (or found missing): on the UI thread's side of the job too. */
    private static final AtomicBoolean RANKING = new AtomicBoolean();
    private static final AtomicInteger STARTED = new AtomicInteger();

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
        if (!RANKING.compareAndSet(false, true)) {
            statusLine(page).ifPresent(s -> s.setMessage(Messages.NextInQueueHandler_stillRanking));
            return null;
        }
        IEditorPart active = page.getActiveEditor();
        String current = null;
        String corpus = null;
        CorpusStore store = WorkbenchDatabase.store();
        if (active instanceof DocumentEditor editor) {
            // the editor's database: a document opened from another one queues within it
            store = editor.store();
            corpus = editor.corpus();
            current = editor.document().id();
        }
        IViewPart view = page.findView(QueueView.ID);
        if (corpus == null && view instanceof QueueView queueView) {
            corpus = queueView.corpus();
        }
        STARTED.incrementAndGet();
        Display display = page.getWorkbenchWindow().getShell().getDisplay();
        CurationQueue queue = QueuePreferences.current().queue();
        CorpusStore from = store;
        String chosen = corpus;
        String skip = current;
        Job job = Job.create(Messages.NextInQueueHandler_job, (IProgressMonitor monitor) -> {
            boolean handedOver = false;
            try {
                Runnable then = rank(page, from, chosen, skip, queue, monitor);
                // the flag is cleared on the UI thread, after the editor opened: an N before then finds it set
                display.asyncExec(() -> {
                    try {
                        Shell shell = page.getWorkbenchWindow().getShell();
                        if (shell != null && !shell.isDisposed()) {
                            then.run();
                        }
                    } finally {
                        RANKING.set(false);
                    }
                });
                handedOver = true;
            } finally {
                if (!handedOver) {
                    RANKING.set(false);
                }
            }
            return Status.OK_STATUS;
        });
        job.setUser(false);
        job.schedule();
        return null;
    }

    /** Ranks in the job; what the UI thread then does (open the document, or say why not). */
    private static Runnable rank(IWorkbenchPage page, CorpusStore store, String corpus, String skip, CurationQueue queue,
            IProgressMonitor monitor) {
        try {
            String name = corpus != null ? corpus : firstCorpus(store);
            if (name == null) {
                return () -> { };
            }
            monitor.setTaskName(NLS.bind(Messages.QueueView_rankingJob, name));
            // the first two places are enough to pass the document being curated
            List<RankedDocument> ranked = queue.next(StoredQueuePool.read(store, name), 2);
            Optional<RankedDocument> next = ranked.stream().filter(r -> !r.documentId().equals(skip)).findFirst();
            return () -> open(page, store, name, next);
        } catch (RuntimeException e) {
            String message = NLS.bind(Messages.QueueView_cannotRank, e.getMessage());
            StatusManager.getManager().handle(Status.error(message, e), StatusManager.LOG);
            return () -> statusLine(page).ifPresent(s -> s.setErrorMessage(message));
        }
    }

    private static String firstCorpus(CorpusStore store) {
        List<CorpusSummary> corpora = store.statistics().corpora();
        return corpora.isEmpty() ? null : corpora.get(0).name();
    }

    private static void open(IWorkbenchPage page, CorpusStore store, String corpus, Optional<RankedDocument> next) {
        if (next.isEmpty()) {
            String message = NLS.bind(Messages.NextInQueueHandler_nothingLeft, corpus);
            statusLine(page).ifPresent(s -> s.setMessage(message));
            return;
        }
        QueueNavigation.open(page, store, corpus, next.get());
    }

    /** The status line of the active part, where N's messages go (no dialog interrupts a curator's keys). */
    private static Optional<IStatusLineManager> statusLine(IWorkbenchPage page) {
        IWorkbenchPart part = page.getActivePart();
        if (part instanceof IEditorPart editor) {
            return Optional.of(editor.getEditorSite().getActionBars().getStatusLineManager());
        }
        if (part instanceof IViewPart view) {
            return Optional.of(view.getViewSite().getActionBars().getStatusLineManager());
        }
        return Optional.empty();
    }

    /** How many rankings N has started since the workbench started: a test checks that a second N while one runs starts none. */
    static int rankingsStarted() {
        return STARTED.get();
    }

    /** Whether an N is ranking or opening its document. */
    static boolean ranking() {
        return RANKING.get();
    }
}
