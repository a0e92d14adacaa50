package taiyi.workbench.index;

/**
 * A search stopped because its caller no longer wants the answer (the curator typed another
 * query); nothing went wrong, and nothing of the partial answer is returned.
 */
public final class SearchCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SearchCancelledException(String query) {
        super("search cancelled: " + query);
    }
}
