package taiyi.workbench.formats;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something a reader read but a user should look at: the file is imported, the place is named.
 * Printed as compilers print warnings, {@code file:line:column: warning: message}, so a user can
 * jump to it; positions that are unknown are left out as in {@link FormatException}.
 *
 * @param file the file read
 * @param line 1-based line, 0 when the warning concerns the whole file
 * @param column 1-based column, 0 when unknown
 * @param documentId the document the warning concerns, empty when none
 * @param message what is odd, without the position
 */
public record FormatWarning(Path file, int line, int column, String documentId, String message) {

    public FormatWarning {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: warning: document ID: message}. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": warning: "
                + (documentId.isEmpty() ? "" : "document " + documentId + ": ") + message;
    }
}
