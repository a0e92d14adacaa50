package taiyi.workbench.ui.queue;

import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.statushandlers.StatusManager;

import taiyi.workbench.learning.queue.RankedDocument;
import taiyi.workbench.learning.queue.UncertainSuggestion;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.editor.DocumentEditor;
import taiyi.workbench.ui.editor.DocumentEditorInput;
import taiyi.workbench.ui.l10n.Messages;

/** Opens a queued document in the editor with the caret on its most uncertain open suggestion. */
final class QueueNavigation {

    private QueueNavigation() {
    }

    /** @return the editor, or null when it could not be opened (said in the error log and a dialog) */
    static DocumentEditor open(IWorkbenchPage page, CorpusStore store, String corpus, RankedDocument r) {
        try {
            IEditorPart part = page.openEditor(new DocumentEditorInput(store, corpus, r.documentId()), DocumentEditor.ID);
            if (!(part instanceof DocumentEditor editor)) {
                return null;
            }
            for (UncertainSuggestion s : r.suggestions()) {
                // in-memory predictions have no id; a stored one may have been decided since the ranking
                if (!s.suggestionId().isEmpty() && editor.selectSuggestion(s.suggestionId())) {
                    break;
                }
            }
            return editor;
        } catch (PartInitException e) {
            StatusManager.getManager().handle(Status.error(NLS.bind(Messages.QueueNavigation_cannotOpen, r.documentId(), e.getMessage()), e),
                    StatusManager.SHOW | StatusManager.LOG);
            return null;
        }
    }
}
