package taiyi.workbench.app;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;

/**
 * The main menu: File (the UI bundle adds Import… and Refresh to its additions; Exit), Edit (Undo
 * and Redo as the platform commands, so whichever editor is active handles them), Window
 * (Preferences, Show View) and Help (About).
 */
final class TaiyiActionBarAdvisor extends ActionBarAdvisor {

    private IWorkbenchAction exit;
    private IWorkbenchAction preferences;
    private IWorkbenchAction about;
    private IContributionItem showViews;

    TaiyiActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        // the platform's own actions, named in the workbench's language: no language pack ships their translations
        exit = ActionFactory.QUIT.create(window);
        exit.setText(Messages.TaiyiActionBarAdvisor_exit);
        register(exit);
        preferences = ActionFactory.PREFERENCES.create(window);
        preferences.setText(Messages.TaiyiActionBarAdvisor_preferences);
        register(preferences);
        about = ActionFactory.ABOUT.create(window);
        about.setText(Messages.TaiyiActionBarAdvisor_about);
        register(about);
        showViews = ContributionItemFactory.VIEWS_SHORTLIST.create(window);
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        MenuManager file = new MenuManager(Messages.TaiyiActionBarAdvisor_file, IWorkbenchActionConstants.M_FILE);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
        file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(new Separator());
        file.add(exit);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));

        MenuManager edit = new MenuManager(Messages.TaiyiActionBarAdvisor_edit, IWorkbenchActionConstants.M_EDIT);
        edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_START));
        // commands rather than retargetable actions: the editor's handlers for these ids decide enablement
        edit.add(command(IWorkbenchCommandConstants.EDIT_UNDO, Messages.TaiyiActionBarAdvisor_undo));
        edit.add(command(IWorkbenchCommandConstants.EDIT_REDO, Messages.TaiyiActionBarAdvisor_redo));
        edit.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_END));

        MenuManager window = new MenuManager(Messages.TaiyiActionBarAdvisor_window, IWorkbenchActionConstants.M_WINDOW);
        MenuManager showView = new MenuManager(Messages.TaiyiActionBarAdvisor_showView, "showView");
        showView.add(showViews);
        window.add(showView);
        window.add(new Separator());
        window.add(preferences);
        window.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));

        MenuManager help = new MenuManager(Messages.TaiyiActionBarAdvisor_help, IWorkbenchActionConstants.M_HELP);
        help.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        help.add(new Separator());
        help.add(about);

        menuBar.add(file);
        menuBar.add(edit);
        menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(window);
        menuBar.add(help);
    }

    private IContributionItem command(String commandId, String label) {
        CommandContributionItemParameter p = new CommandContributionItemParameter(getActionBarConfigurer().getWindowConfigurer()
                .getWindow(), commandId, commandId, CommandContributionItem.STYLE_PUSH);
        p.label = label;
        return new CommandContributionItem(p);
    }
}
