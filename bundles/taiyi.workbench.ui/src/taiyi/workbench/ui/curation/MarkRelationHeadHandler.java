package taiyi.workbench.ui.curation;

import org.eclipse.core.commands.ExecutionEvent;

import taiyi.workbench.ui.editor.DocumentEditor;

/** Marks the mention at the caret as the head of the next relation. */
public final class MarkRelationHeadHandler extends AnnotationCommandHandler {

    @Override
    void run(DocumentEditor editor, ExecutionEvent event, String uiLocation) {
        editor.markRelationHead();
    }
}
