package taiyi.workbench.ui.curation;

import org.eclipse.core.commands.ExecutionEvent;

import taiyi.workbench.ui.editor.DocumentEditor;

/** Edit > Undo in the document editor: takes back the document's latest decision through the store's log. */
public final class UndoDecisionHandler extends AnnotationCommandHandler {

    @Override
    void run(DocumentEditor editor, ExecutionEvent event, String uiLocation) {
        editor.undo(uiLocation);
    }
}
