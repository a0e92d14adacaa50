package taiyi.workbench.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.StoreLocation;

/**
 * {@code --db DIR|JDBC_URL}: the corpus database, by default the H2 folder of the workbench, shared
 * with the UI; or a team's PostgreSQL database, {@code jdbc:postgresql://host[:port]/db}, with the
 * user and password in {@code TAIYI_DB_USER} and {@code TAIYI_DB_PASSWORD}.
 */
final class DatabaseOption {

    @Option(names = "--db", paramLabel = "DIR|JDBC_URL",
            description = "Database: an H2 folder (default: the workbench data folder's db/) or jdbc:postgresql://host[:port]/db "
                    + "with the user and password in TAIYI_DB_USER and TAIYI_DB_PASSWORD.")
    String database;

    /** Where the database is; for a server, its credentials come from the environment. */
    StoreLocation location() {
        return database != null ? StoreLocation.parse(database) : StoreLocation.folder(WorkbenchDataFolder.resolve().database());
    }

    /**
     * Opens the store; what could not be made private to the user (the data folder, the database
     * folder or its files) is said once on stderr, naming the path.
     */
    CorpusStore open() {
        List<String> warnings = new ArrayList<>();
        if (database == null || database.startsWith("jdbc:")) {
            WorkbenchDataFolder.resolve().ensurePrivate().ifPresent(warnings::add);
        }
        CorpusStore store = CorpusStore.open(location());
        warnings.addAll(store.privacyWarnings());
        warnings.forEach(w -> System.err.println("taiyi: warning: " + w));
        return store;
    }
}
