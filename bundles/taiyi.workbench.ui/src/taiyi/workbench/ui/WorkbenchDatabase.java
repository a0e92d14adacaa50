package taiyi.workbench.ui;

import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.store.CorpusStore;

/**
 * The corpus database the running workbench works on: the one in the workbench data folder, opened
 * once, shared by every view and editor.
 */
public final class WorkbenchDatabase {

    private static CorpusStore store;

    private WorkbenchDatabase() {
    }

    /** The open store, opened on first use. */
    public static synchronized CorpusStore store() {
        if (store == null) {
            store = CorpusStore.open(WorkbenchDataFolder.resolve().database());
        }
        return store;
    }
}
