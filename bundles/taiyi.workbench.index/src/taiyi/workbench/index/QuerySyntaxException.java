package taiyi.workbench.index;

/**
 * A curator's query that cannot be read, with the column (1-based, in characters) where reading
 * stopped, so the search field can put the caret there.
 */
public class QuerySyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String query;
    private final int column;
    private final String reason;

    public QuerySyntaxException(String query, int column, String reason) {
        super("query syntax error at column " + column + ": " + reason);
        this.query = query;
        this.column = column;
        this.reason = reason;
    }

    /** The query as typed. */
    public String query() {
        return query;
    }

    /** 1-based column of the offending character. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
