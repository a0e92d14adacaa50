package taiyi.workbench.ui.navigator;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.handlers.HandlerUtil;

/** Reloads the corpus navigator from the database (after a CLI import, say). */
public final class RefreshCorporaHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        IViewPart view = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage().findView(CorpusNavigatorView.ID);
        if (view instanceof CorpusNavigatorView navigator) {
            navigator.refresh();
        }
        return null;
    }
}
