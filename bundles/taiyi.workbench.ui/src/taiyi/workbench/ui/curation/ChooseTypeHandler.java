package taiyi.workbench.ui.curation;

import org.eclipse.core.commands.ExecutionEvent;

import taiyi.workbench.ui.editor.DocumentEditor;

/** Opens the entity-type chooser: labels the selection, or changes the type of the mention at the caret. */
public final class ChooseTypeHandler extends AnnotationCommandHandler {

    @Override
    void run(DocumentEditor editor, ExecutionEvent event, String uiLocation) {
        editor.chooseType(uiLocation);
    }
}
