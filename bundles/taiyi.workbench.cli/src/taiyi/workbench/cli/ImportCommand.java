package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.Format;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.StoreException;

/**
 * {@code taiyi import}: reads files of one format into a corpus. Each file is one transaction: a
 * refused file is reported as {@code file:line: reason} and leaves nothing behind, and the others
 * are still imported; the exit code is 1 when any file was refused.
 */
@Command(name = "import", description = "Import files into a corpus (each file all or nothing).")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    IndexOption index;

    @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "Corpus to add to (created if new).")
    String corpus;

    @Option(names = "--format", required = true, paramLabel = "F", converter = FormatConverter.class,
            description = "One of: pubtator, bioc-xml, bioc-json, brat, cmeee, cmeie, conll, json, text.")
    Format format;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files (for brat: .ann files or folders).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int documents = 0;
        int mentions = 0;
        int relations = 0;
        int refused = 0;
        try (CorpusStore store = db.open(); FollowingIndex following = FollowingIndex.open(store, index.folder(db), err)) {
            for (Path file : files) {
                try {
                    List<Document> read = format.newReader().read(file);
                    store.importDocuments(corpus, read, file.toString());
                    int m = read.stream().mapToInt(d -> d.mentions().size()).sum();
                    int r = read.stream().mapToInt(d -> d.relations().size()).sum();
                    out.printf("%s: %d documents, %d mentions, %d relations%n", file, read.size(), m, r);
                    documents += read.size();
                    mentions += m;
                    relations += r;
                } catch (FormatException | StoreException e) {
                    err.println(e.getMessage());
                    refused++;
                }
            }
        }
        out.printf("taiyi import: %d documents, %d mentions, %d relations into corpus '%s' from %d of %d files%s%n",
                documents, mentions, relations, corpus, files.size() - refused, files.size(),
                refused > 0 ? " (" + refused + " refused)" : "");
        return refused > 0 ? 1 : 0;
    }
}
