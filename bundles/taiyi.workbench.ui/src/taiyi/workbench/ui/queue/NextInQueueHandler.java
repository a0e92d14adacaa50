package taiyi.workbench.ui.queue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.handlers.HandlerUtil;

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
 */
public final class NextInQueueHandler extends AbstractHandler {

    public static final String COMMAND_ID = "taiyi.workbench.ui.queue.next";

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
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
        if (corpus == null) {
            List<CorpusSummary> corpora = store.statistics().corpora();
            if (corpora.isEmpty()) {
                return null;
            }
            corpus = corpora.get(0).name();
        }
        String name = corpus;
        String skip = current;
        CorpusStore from = store;
        // the first two places are enough to pass the document being curated
        AtomicReference<List<RankedDocument>> ranked = new AtomicReference<>(List.of());
        BusyIndicator.showWhile(page.getWorkbenchWindow().getShell().getDisplay(),
                () -> ranked.set(QueuePreferences.current().queue().next(StoredQueuePool.read(from, name), 2)));
        Optional<RankedDocument> next = ranked.get().stream().filter(r -> !r.documentId().equals(skip)).findFirst();
        if (next.isEmpty()) {
            String message = NLS.bind(Messages.NextInQueueHandler_nothingLeft, name);
            if (active instanceof DocumentEditor editor) {
                editor.getEditorSite().getActionBars().getStatusLineManager().setMessage(message);
            }
            return null;
        }
        QueueNavigation.open(page, from, name, next.get());
        return null;
    }
}
