package taiyi.workbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.Format;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.store.CorpusStore;

/**
 * {@code taiyi export}: writes a corpus's curated layer in a format, into {@code DIR/<corpus><ext>}
 * (or the folder {@code DIR/<corpus>/} for brat). The output appears whole or not at all. What a
 * lossy format left out is printed on stderr as {@code target: warning: left out ...}.
 */
@Command(name = "export", description = "Export a corpus's curated annotations in a format.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "Corpus to export.")
    String corpus;

    @Option(names = "--format", required = true, paramLabel = "F", converter = FormatConverter.class,
            description = "One of: pubtator, bioc-xml, bioc-json, brat, cmeee, cmeie, conll, json, text.")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        List<Document> documents;
        try (CorpusStore store = db.open()) {
            documents = store.documents().allDocuments(corpus);
        }
        Path target = out.resolve(corpus + format.extension());
        try {
            // what the format has no place for goes to stderr as file: warning: left out ...
            format.newWriter().write(documents, target, spec.commandLine().getErr()::println);
        } catch (FormatException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        int mentions = documents.stream().mapToInt(d -> d.mentions().size()).sum();
        int relations = documents.stream().mapToInt(d -> d.relations().size()).sum();
        stdout.printf("taiyi export: %d documents, %d mentions, %d relations of corpus '%s' written as %s to %s%n",
                documents.size(), mentions, relations, corpus, format, target);
        return 0;
    }
}
