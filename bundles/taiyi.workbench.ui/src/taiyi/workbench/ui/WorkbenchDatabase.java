package taiyi.workbench.ui;

import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.preferences.ModelPreferences;

/**
 * The corpus database the running workbench works on: the folder chosen in the preferences, else the
 * one in the workbench data folder; opened once (so a new folder takes effect at the next start),
 * shared by every view and editor.
 */
public final class WorkbenchDatabase {

    private static CorpusStore store;

    private WorkbenchDatabase() {
    }

    /** The open store, opened on first use. */
    public static synchronized CorpusStore store() {
        if (store == null) {
            store = CorpusStore.open(ModelPreferences.current().databaseFolder()
                    .orElseGet(() -> WorkbenchDataFolder.resolve().database()));
        }
        return store;
    }
}
