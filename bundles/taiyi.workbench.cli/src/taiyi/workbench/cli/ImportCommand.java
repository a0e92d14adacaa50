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
import taiyi.workbench.formats.Format;
import taiyi.workbench.formats.imports.FileImport;
import taiyi.workbench.formats.imports.FileOutcome;
import taiyi.workbench.formats.imports.ImportItem;
import taiyi.workbench.formats.imports.ImportProgress;
import taiyi.workbench.formats.imports.ImportReport;
import taiyi.workbench.store.CorpusStore;

/**
 * {@code taiyi import}: reads files of one format into a corpus through the same {@link FileImport}
 * the workbench's import wizard runs. Each file is one transaction: a refused file is reported as
 * {@code file:line: reason} and leaves nothing behind, and the others are still imported; the exit
 * code is 1 when any file was refused. What a reader warns about ({@code file:line:column: warning: ...})
 * goes to stderr too, before the file's line, and does not change the exit code.
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

    @Option(names = "--licence", paramLabel = "TEXT",
            description = "The terms the corpus may be used under (e.g. 'CC BY-NC-SA 4.0'), kept with it and written into round manifests.")
    String licence;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files (for brat: .ann files or folders).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ImportItem> items = files.stream().map(f -> new ImportItem(f, format)).toList();
        ImportReport report;
        try (CorpusStore store = db.open(); FollowingIndex following = FollowingIndex.open(store, index.folder(db), err)) {
            report = new FileImport((file, documents) -> store.documents().importDocuments(corpus, documents, file.toString()))
                    .run(items, new ImportProgress() {
                        @Override
                        public void finished(FileOutcome o) {
                            o.warnings().forEach(err::println);
                            if (o.refused()) {
                                err.println(o.problem().orElseThrow());
                            } else {
                                out.printf("%s: %d documents, %d mentions, %d relations%n", o.item().file(), o.documents(),
                                        o.mentions(), o.relations());
                            }
                        }
                    });
            if (licence != null && report.imported() > 0) {
                store.documents().setLicence(corpus, licence);
            }
        }
        int refused = report.problems().size();
        int warnings = report.warnings().size();
        out.printf("taiyi import: %d documents, %d mentions, %d relations into corpus '%s' from %d of %d files%s%s%n",
                report.documents(), report.mentions(), report.relations(), corpus, report.imported(), files.size(),
                refused > 0 ? " (" + refused + " refused)" : "", warnings > 0 ? " with " + warnings
                        + (warnings == 1 ? " warning" : " warnings") : "");
        return refused > 0 ? 1 : 0;
    }
}
