package taiyi.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.index.CorpusIndex;
import taiyi.workbench.index.IndexUpdater;
import taiyi.workbench.store.CorpusStore;

/** {@code taiyi index}: maintenance of the search index. */
@Command(name = "index", description = "Maintain the search index.", subcommands = {IndexCommand.Rebuild.class})
final class IndexCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'taiyi index rebuild --help'");
    }

    /** {@code taiyi index rebuild}: reindexes a corpus from the database. */
    @Command(name = "rebuild", description = "Reindex a corpus from the database (after a CLI import, or a deleted index).")
    static final class Rebuild implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Mixin
        IndexOption index;

        @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "Corpus to reindex.")
        String corpus;

        @Override
        public Integer call() {
            Path folder = index.folder(db);
            long t0 = System.nanoTime();
            int n;
            try (CorpusStore store = db.open(); CorpusIndex idx = CorpusIndex.open(folder, 256)) {
                n = new IndexUpdater(store, idx).rebuild(corpus);
            }
            spec.commandLine().getOut().printf("taiyi index rebuild: corpus '%s', %d documents indexed in %.1f s into %s%n", corpus,
                    n, (System.nanoTime() - t0) / 1e9, folder);
            return 0;
        }
    }
}
