package taiyi.workbench.formats.imports;

import java.nio.file.Path;
import java.util.Objects;

import taiyi.workbench.formats.FormatException;

/**
 * Why a file was refused, where: its 1-based line and column (0 when unknown or meaningless).
 *
 * @param file the refused file
 * @param line 1-based line, 0 when the problem concerns the whole file
 * @param column 1-based column, 0 when unknown
 * @param reason what is wrong, without the position
 */
public record ImportProblem(Path file, int line, int column, String reason) {

    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    /** The problem a reader reported. */
    public static ImportProblem of(FormatException e) {
        return new ImportProblem(e.file(), e.line(), e.column(), e.reason());
    }

    /**
     * {@code file:line: reason} ({@code file:line:column: reason} with a column, {@code file: reason}
     * without a line), as compilers print it and as {@link FormatException#getMessage()} reads.
     */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + reason;
    }
}
