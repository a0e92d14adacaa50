package taiyi.workbench.ui.learning;

import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;

import taiyi.workbench.learning.training.TrainingRun;
import taiyi.workbench.ui.preferences.ModelPreferences;

/** Train Adapter…: asks for model, round and output folders, then trains in a background job. */
public final class TrainAdapterHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        ModelPreferences preferences = ModelPreferences.current();
        TrainAdapterDialog dialog = new TrainAdapterDialog(HandlerUtil.getActiveShell(event),
                preferences.modelFolder().map(Object::toString).orElse(""));
        if (dialog.open() != Window.OK || dialog.choice() == null) {
            return null;
        }
        TrainAdapterDialog.Choice c = dialog.choice();
        TrainAdapterJob job = new TrainAdapterJob(new TrainingRun.Request(c.model(), c.round(), c.out(), null,
                Map.of("qlora", c.qlora()), preferences.device()));
        job.setUser(true);
        job.schedule();
        return null;
    }
}
