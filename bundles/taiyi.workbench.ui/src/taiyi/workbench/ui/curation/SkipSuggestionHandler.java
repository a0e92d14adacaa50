package taiyi.workbench.ui.curation;

import org.eclipse.core.commands.ExecutionEvent;

import taiyi.workbench.ui.editor.DocumentEditor;

/** Passes over the suggestion at the caret without deciding and moves to the next open one. */
public final class SkipSuggestionHandler extends AnnotationCommandHandler {

    @Override
    void run(DocumentEditor editor, ExecutionEvent event, String uiLocation) {
        editor.skipAtCaret(uiLocation);
    }
}
