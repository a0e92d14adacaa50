package taiyi.workbench.formats.imports;

import java.util.ArrayList;
import java.util.List;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.FormatWarning;

/**
 * Reads files one at a time into a {@link DocumentSink}. Each file is one transaction: a file the
 * reader or the sink refuses is reported with its problem and leaves nothing behind, and the
 * import goes on with the next file. What a reader warns about in a file it imported
 * travels on that file's {@link FileOutcome}; a refused file's warnings are dropped with it.
 */
public final class FileImport {

    private final DocumentSink sink;

    public FileImport(DocumentSink sink) {
        this.sink = sink;
    }

    /** Imports the items in order, stopping between files when {@code progress} says cancelled. */
    public ImportReport run(List<ImportItem> items, ImportProgress progress) {
        List<FileOutcome> outcomes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (progress.cancelled()) {
                return new ImportReport(outcomes, true);
            }
            ImportItem item = items.get(i);
            progress.starting(item, i, items.size());
            FileOutcome outcome = importOne(item);
            outcomes.add(outcome);
            progress.finished(outcome);
        }
        return new ImportReport(outcomes, false);
    }

    private FileOutcome importOne(ImportItem item) {
        List<Document> documents;
        List<FormatWarning> warnings = new ArrayList<>();
        try {
            documents = item.format().newReader().read(item.file(), warnings::add);
        } catch (FormatException e) {
            return FileOutcome.refused(item, ImportProblem.of(e));
        }
        try {
            sink.store(item.file(), documents);
        } catch (RuntimeException e) {
            // the store names the source first ("FILE: document 1 is already in corpus..."); say it once
            String message = String.valueOf(e.getMessage());
            String prefix = item.file() + ": ";
            return FileOutcome.refused(item, new ImportProblem(item.file(), 0, 0,
                    message.startsWith(prefix) ? message.substring(prefix.length()) : message));
        }
        return FileOutcome.imported(item, documents.size(), documents.stream().mapToInt(d -> d.mentions().size()).sum(),
                documents.stream().mapToInt(d -> d.relations().size()).sum(), warnings);
    }
}
