package taiyi.workbench.formats.imports;

import java.nio.file.Path;
import java.util.Objects;

import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.FormatWarning;

/**
 * Something an import reports about a file, where: its 1-based line and column (0 when unknown or
 * meaningless). An {@link Severity#ERROR} is why the file was refused; a {@link Severity#WARNING} is
 * what a reader noticed in a file it imported (a {@link FormatWarning}).
 *
 * @param severity whether the file was refused over it
 * @param file the file
 * @param line 1-based line, 0 when the problem concerns the whole file
 * @param column 1-based column, 0 when unknown
 * @param documentId the document concerned, empty when none is
 * @param reason what is wrong, without the position
 */
public record ImportProblem(Severity severity, Path file, int line, int column, String documentId, String reason) {

    /** Whether the file was refused. */
    public enum Severity {
        ERROR, WARNING
    }

    public ImportProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(reason, "reason");
    }

    /** Why a file was refused. */
    public ImportProblem(Path file, int line, int column, String reason) {
        this(Severity.ERROR, file, line, column, "", reason);
    }

    /** The problem a reader reported. */
    public static ImportProblem of(FormatException e) {
        return new ImportProblem(e.file(), e.line(), e.column(), e.reason());
    }

    /** A reader's warning, for the lists that show problems and warnings together. */
    public static ImportProblem of(FormatWarning w) {
        return new ImportProblem(Severity.WARNING, w.file(), w.line(), w.column(), w.documentId(), w.message());
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
    }

    /**
     * {@code file:line: reason} ({@code file:line:column: reason} with a column, {@code file: reason}
     * without a line), as compilers print it and as {@link FormatException#getMessage()} reads; a
     * warning reads as {@link FormatWarning#toString()} does.
     */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": "
                + (isWarning() ? "warning: " : "") + (documentId.isEmpty() ? "" : "document " + documentId + ": ") + reason;
    }
}
