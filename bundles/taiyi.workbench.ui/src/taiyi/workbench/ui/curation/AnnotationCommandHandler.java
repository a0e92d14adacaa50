package taiyi.workbench.ui.curation;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

import taiyi.workbench.ui.editor.DocumentEditor;

/** A command on the active document editor; does nothing when another editor is active. */
abstract class AnnotationCommandHandler extends AbstractHandler {

    static final String KEYBOARD = "editor:keyboard";
    static final String MENU = "editor:menu";
    static final String COMMAND = "editor:command";

    @Override
    public final Object execute(ExecutionEvent event) {
        IEditorPart part = HandlerUtil.getActiveEditor(event);
        if (part instanceof DocumentEditor editor) {
            run(editor, event, uiLocation(event));
        }
        return null;
    }

    abstract void run(DocumentEditor editor, ExecutionEvent event, String uiLocation);

    /** A key binding triggers with the key event, a menu item with its selection; other callers with neither. */
    static String uiLocation(ExecutionEvent event) {
        if (event.getTrigger() instanceof Event e) {
            if (e.type == SWT.KeyDown || e.type == SWT.Traverse) {
                return KEYBOARD;
            }
            if (e.type == SWT.Selection) {
                return MENU;
            }
        }
        return COMMAND;
    }
}
