package taiyi.workbench.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import taiyi.workbench.index.CorpusIndex;

/** {@code --index DIR}: the Lucene index folder, by default beside the database folder. */
final class IndexOption {

    @Option(names = "--index", paramLabel = "DIR",
            description = "Index folder (default: beside the database, 'index' next to a folder named db, else DB-index).")
    Path folder;

    Path folder(DatabaseOption db) {
        return folder != null ? folder : CorpusIndex.folderFor(db.location().localFolder());
    }
}
