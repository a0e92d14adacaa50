package taiyi.workbench.inference.remote;

/**
 * An endpoint could not answer in a way the curator can act on: the host is unreachable, the key
 * was refused, the model is unknown, the server kept failing. The message names the endpoint and,
 * for a key, where it came from; never the key.
 */
public final class EndpointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (e.g. the UI's hint). */
    public enum Kind {
        UNREACHABLE, UNAUTHORIZED, UNKNOWN_MODEL, SERVER_ERROR, BAD_RESPONSE, TIMEOUT
    }

    private final Kind kind;

    public EndpointException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public EndpointException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
