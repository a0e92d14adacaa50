package taiyi.workbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.store.CorpusStore;

/** {@code --db DIR}: the corpus database folder, by default the workbench's own, shared with the UI. */
final class DatabaseOption {

    @Option(names = "--db", paramLabel = "DIR", description = "Database folder (default: the workbench data folder's db/).")
    Path folder;

    Path folder() {
        return folder != null ? folder : WorkbenchDataFolder.resolve().database();
    }

    /**
     * Opens the store; what could not be made private to the user (the data folder, the database
     * folder or its files) is said once on stderr, naming the path.
     */
    CorpusStore open() {
        List<String> warnings = new ArrayList<>();
        if (folder == null) {
            WorkbenchDataFolder.resolve().ensurePrivate().ifPresent(warnings::add);
        }
        CorpusStore store = CorpusStore.open(folder());
        warnings.addAll(store.privacyWarnings());
        warnings.forEach(w -> System.err.println("taiyi: warning: " + w));
        return store;
    }
}
