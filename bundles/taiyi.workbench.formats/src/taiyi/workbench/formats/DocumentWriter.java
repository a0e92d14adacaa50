package taiyi.workbench.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import taiyi.workbench.core.model.Document;

/** Writes documents in an external format. */
public interface DocumentWriter {

    /**
     * Writes the documents to {@code target}: a file, or a folder for formats that keep one file (or
     * pair of files) per document. Either the whole target appears or, on failure, nothing does.
     *
     * @throws FormatException when a document cannot be expressed in the format (the reason names it)
     */
    void write(List<Document> documents, Path target) throws IOException, FormatException;
}
