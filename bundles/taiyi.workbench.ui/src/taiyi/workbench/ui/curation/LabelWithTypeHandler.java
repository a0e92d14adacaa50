package taiyi.workbench.ui.curation;

import org.eclipse.core.commands.ExecutionEvent;

import taiyi.workbench.ui.editor.DocumentEditor;

/**
 * Digit keys: labels the selection with the n-th type of the legend (or, with nothing selected,
 * changes the type of the mention at the caret, or accepts the suggestion there as that type).
 */
public final class LabelWithTypeHandler extends AnnotationCommandHandler {

    /** The command parameter holding the 1-based type number. */
    public static final String TYPE_NUMBER = "taiyi.workbench.ui.editor.typeNumber";

    @Override
    void run(DocumentEditor editor, ExecutionEvent event, String uiLocation) {
        String n = event.getParameter(TYPE_NUMBER);
        try {
            editor.labelWithTypeNumber(Integer.parseInt(n), uiLocation);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + TYPE_NUMBER + " must be a number 1..9, not '" + n + "'", e);
        }
    }
}
