package taiyi.workbench.ui.curation;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;

import taiyi.workbench.ui.editor.DocumentEditor;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Accepts every open suggestion whose score is at least a threshold, one ACCEPT event each. The
 * threshold comes from the command parameter, else the curator types it.
 */
public final class AcceptAllScoredHandler extends AnnotationCommandHandler {

    public static final String MIN_SCORE = "taiyi.workbench.ui.editor.minScore";

    @Override
    void run(DocumentEditor editor, ExecutionEvent event, String uiLocation) {
        String given = event.getParameter(MIN_SCORE);
        if (given == null || given.isBlank()) {
            InputDialog ask = new InputDialog(editor.getSite().getShell(), Messages.AcceptAllScoredHandler_title,
                    Messages.AcceptAllScoredHandler_prompt, "-0.5", MinScoreValidator::check);
            if (ask.open() != Window.OK) {
                return;
            }
            given = ask.getValue();
        }
        String problem = MinScoreValidator.check(given);
        if (problem != null) {
            throw new IllegalArgumentException("parameter " + MIN_SCORE + ": " + problem);
        }
        editor.acceptAllScoredAtLeast(Double.parseDouble(given.strip()), AcceptAllOfTypeHandler.LOCATION);
    }
}
