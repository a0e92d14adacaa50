package taiyi.workbench.formats;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import taiyi.workbench.core.model.Document;

/**
 * Reads one file of an external format into documents.
 *
 * <p>A reader that finds something odd but readable (a location that disagrees with its text, a
 * last line without its newline) overrides {@link #read(Path, Consumer)} and tells the caller there;
 * a reader that never warns implements {@link #read(Path)} only.
 */
public interface DocumentReader {

    /**
     * Reads every document of the file; warnings, if the reader has any, are not reported.
     *
     * @throws FormatException when any part of the file is malformed; then nothing is returned
     */
    List<Document> read(Path file) throws FormatException;

    /**
     * Reads every document of the file, telling {@code warnings} of what was read but deserves a
     * look. The warnings come before the documents are returned; when the file is refused, those
     * already told are void.
     *
     * @throws FormatException when any part of the file is malformed; then nothing is returned
     */
    default List<Document> read(Path file, Consumer<FormatWarning> warnings) throws FormatException {
        return read(file);
    }
}
