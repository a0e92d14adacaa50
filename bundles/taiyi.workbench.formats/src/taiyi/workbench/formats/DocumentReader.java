package taiyi.workbench.formats;

import java.nio.file.Path;
import java.util.List;

import taiyi.workbench.core.model.Document;

/** Reads one file of an external format into documents. */
public interface DocumentReader {

    /**
     * Reads every document of the file.
     *
     * @throws FormatException when any part of the file is malformed; then nothing is returned
     */
    List<Document> read(Path file) throws FormatException;
}
