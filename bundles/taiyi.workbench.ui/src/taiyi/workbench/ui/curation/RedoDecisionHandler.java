package taiyi.workbench.ui.curation;

import org.eclipse.core.commands.ExecutionEvent;

import taiyi.workbench.ui.editor.DocumentEditor;

/** Edit > Redo in the document editor: makes the latest undone decision again. */
public final class RedoDecisionHandler extends AnnotationCommandHandler {

    @Override
    void run(DocumentEditor editor, ExecutionEvent event, String uiLocation) {
        editor.redo(uiLocation);
    }
}
