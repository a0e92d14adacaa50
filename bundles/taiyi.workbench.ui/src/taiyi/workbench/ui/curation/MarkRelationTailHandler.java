package taiyi.workbench.ui.curation;

import org.eclipse.core.commands.ExecutionEvent;

import taiyi.workbench.ui.editor.DocumentEditor;

/** Makes the mention at the caret the tail of a relation from the marked head and asks its type. */
public final class MarkRelationTailHandler extends AnnotationCommandHandler {

    @Override
    void run(DocumentEditor editor, ExecutionEvent event, String uiLocation) {
        editor.markRelationTail(uiLocation);
    }
}
