package taiyi.workbench.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import taiyi.workbench.core.model.Document;

/**
 * Writes documents in an external format.
 *
 * <p>A writer for a format that holds less than the model (brat, CoNLL, plain text, PubTator)
 * overrides {@link #write(List, Path, Consumer)} to say what it left out; one that writes everything
 * or refuses implements {@link #write(List, Path)} only.
 */
public interface DocumentWriter {

    /**
     * Writes the documents to {@code target}: a file, or a folder for formats that keep one file (or
     * pair of files) per document. Either the whole target appears or, on failure, nothing does.
     *
     * @throws FormatException when a document cannot be expressed in the format (the reason names it)
     */
    void write(List<Document> documents, Path target) throws IOException, FormatException;

    /**
     * Writes like {@link #write(List, Path)}, telling {@code leftOut} of what the format has no
     * place for and so was not written (see {@link LeftOut}). Told only once the target is written.
     */
    default void write(List<Document> documents, Path target, Consumer<FormatWarning> leftOut)
            throws IOException, FormatException {
        write(documents, target);
    }
}
