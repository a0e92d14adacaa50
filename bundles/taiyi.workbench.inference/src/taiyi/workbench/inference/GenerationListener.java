package taiyi.workbench.inference;

/** Receives tokens as they are generated (e.g. to stream an answer into the UI). */
@FunctionalInterface
public interface GenerationListener {

    /**
     * Called on the generating thread after each step.
     *
     * @param promptIndex which prompt of the call this token answers
     * @param token the token
     * @param textSoFar the decoded answer so far
     */
    void onToken(int promptIndex, GeneratedToken token, String textSoFar);

    GenerationListener NONE = (i, t, s) -> { };
}
