package taiyi.workbench.cli;

import java.nio.file.Path;

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

    CorpusStore open() {
        return CorpusStore.open(folder());
    }
}
