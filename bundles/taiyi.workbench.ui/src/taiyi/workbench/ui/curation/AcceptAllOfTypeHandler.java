package taiyi.workbench.ui.curation;

import org.eclipse.core.commands.ExecutionEvent;

import taiyi.workbench.ui.editor.DocumentEditor;

/**
 * Accepts every open suggestion of one type, one ACCEPT event each (so undo takes them back one by
 * one). The type comes from the command parameter, else a chooser of the open suggestions' types.
 */
public final class AcceptAllOfTypeHandler extends AnnotationCommandHandler {

    public static final String TYPE = "taiyi.workbench.ui.editor.entityType";
    static final String LOCATION = "editor:accept-all";

    @Override
    void run(DocumentEditor editor, ExecutionEvent event, String uiLocation) {
        String type = event.getParameter(TYPE);
        if (type == null || type.isBlank()) {
            editor.chooseTypeToAcceptAll(LOCATION);
        } else {
            editor.acceptAllOfType(type, LOCATION);
        }
    }
}
