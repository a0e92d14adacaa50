package taiyi.workbench.ui.round;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/** File &gt; Export Round…: opens the {@link RoundExportWizard}. */
public final class OpenRoundExportWizardHandler extends AbstractHandler {

    public static final String COMMAND_ID = "taiyi.workbench.ui.exportRound";

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        new WizardDialog(window.getShell(), new RoundExportWizard()).open();
        return null;
    }
}
