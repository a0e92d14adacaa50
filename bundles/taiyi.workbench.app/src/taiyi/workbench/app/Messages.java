package taiyi.workbench.app;

import org.eclipse.osgi.util.NLS;

/**
 * Every user-visible string of the application bundle's Java code (the main menu, the window
 * title, startup errors), in the platform's language; fields are named {@code <Class>_<what>} and
 * loaded by {@link NLS} from {@code messages.properties} and {@code messages_zh.properties} beside
 * this class. The UI bundle has its own, {@code taiyi.workbench.ui.l10n.Messages}.
 */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "taiyi.workbench.app.messages";

    public static String TaiyiActionBarAdvisor_about;
    public static String TaiyiActionBarAdvisor_edit;
    public static String TaiyiActionBarAdvisor_exit;
    public static String TaiyiActionBarAdvisor_file;
    public static String TaiyiActionBarAdvisor_help;
    public static String TaiyiActionBarAdvisor_preferences;
    public static String TaiyiActionBarAdvisor_redo;
    public static String TaiyiActionBarAdvisor_showView;
    public static String TaiyiActionBarAdvisor_undo;
    public static String TaiyiActionBarAdvisor_window;
    public static String TaiyiApplication_databaseFailed;
    public static String TaiyiWorkbenchAdvisor_cannotOpenIndex;
    public static String TaiyiWorkbenchAdvisor_openingIndex;
    public static String TaiyiWorkbenchAdvisor_title;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
