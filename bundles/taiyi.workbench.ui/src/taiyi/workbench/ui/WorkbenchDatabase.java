package taiyi.workbench.ui;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;

import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.StoreLocation;
import taiyi.workbench.ui.preferences.ModelPreferences;

/**
 * The corpus database the running workbench works on: the team database (PostgreSQL) chosen in the
 * preferences, else the folder chosen there, else the one in the workbench data folder; opened once (so a new folder takes effect at the next start),
 * shared by every view and editor.
 */
public final class WorkbenchDatabase {

    private static CorpusStore store;

    private WorkbenchDatabase() {
    }

    /** Says once, in the error log, what could not be made private to the user. */
    private static void warn(String warning) {
        ILog.of(WorkbenchDatabase.class).log(Status.warning(warning));
    }

    /** The open store, opened on first use. */
    public static synchronized CorpusStore store() {
        if (store == null) {
            ModelPreferences preferences = ModelPreferences.current();
            java.util.Optional<String> team = preferences.databaseUrl();
            java.util.Optional<java.nio.file.Path> chosen = preferences.databaseFolder();
            if (chosen.isEmpty() || team.isPresent()) {
                WorkbenchDataFolder.resolve().ensurePrivate().ifPresent(WorkbenchDatabase::warn);
            }
            store = team.isPresent()
                    ? CorpusStore.open(StoreLocation.parse(team.get()))
                    : CorpusStore.open(chosen.orElseGet(() -> WorkbenchDataFolder.resolve().database()));
            store.privacyWarnings().forEach(WorkbenchDatabase::warn);
            taiyi.workbench.ui.learning.RetrainAfterDecisions.follow(store);
        }
        return store;
    }
}
