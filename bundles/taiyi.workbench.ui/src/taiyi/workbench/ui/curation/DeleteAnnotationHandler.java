package taiyi.workbench.ui.curation;

import org.eclipse.core.commands.ExecutionEvent;

import taiyi.workbench.ui.editor.DocumentEditor;

/** Deletes the relation or curated mention at the caret (rejects a suggestion there). */
public final class DeleteAnnotationHandler extends AnnotationCommandHandler {

    @Override
    void run(DocumentEditor editor, ExecutionEvent event, String uiLocation) {
        editor.deleteAtCaret(uiLocation);
    }
}
