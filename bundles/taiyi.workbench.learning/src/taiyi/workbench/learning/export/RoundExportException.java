package taiyi.workbench.learning.export;

/**
 * Input a round cannot be made from (an unknown corpus, an empty selection, a replay file that is
 * not conversation JSON Lines), said as {@code file:line: reason} where there is a file. Nothing
 * has been written when it is thrown.
 */
public final class RoundExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RoundExportException(String message) {
        super(message);
    }

    public RoundExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
