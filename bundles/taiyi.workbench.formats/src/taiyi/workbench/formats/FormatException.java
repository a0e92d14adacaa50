package taiyi.workbench.formats;

import java.nio.file.Path;

/**
 * A file that cannot be read as the format it claims to be. The message reads
 * {@code file:line[:column]: reason} so a user can jump to the offending place.
 */
public class FormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;
    private final String reason;

    public FormatException(Path file, int line, String reason) {
        this(file, line, 0, reason, null);
    }

    public FormatException(Path file, int line, String reason, Throwable cause) {
        this(file, line, 0, reason, cause);
    }

    /** A problem at a line and column (both 1-based; 0 when unknown). */
    public FormatException(Path file, int line, int column, String reason, Throwable cause) {
        super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when the format has no meaningful column. */
    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
