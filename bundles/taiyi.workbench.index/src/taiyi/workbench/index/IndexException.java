package taiyi.workbench.index;

/** The index could not be read or written (an I/O failure, a locked or corrupt index folder). */
public class IndexException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }

    public IndexException(String message) {
        super(message);
    }
}
