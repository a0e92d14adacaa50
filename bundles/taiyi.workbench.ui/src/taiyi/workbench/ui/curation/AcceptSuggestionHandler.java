package taiyi.workbench.ui.curation;

import org.eclipse.core.commands.ExecutionEvent;

import taiyi.workbench.ui.editor.DocumentEditor;

/** Accepts the suggestion at the caret and moves to the next open one. */
public final class AcceptSuggestionHandler extends AnnotationCommandHandler {

    @Override
    void run(DocumentEditor editor, ExecutionEvent event, String uiLocation) {
        editor.acceptAtCaret(uiLocation);
    }
}
