package taiyi.workbench.inference.djl.qwen;

/** Hears each token as soon as the decoder chose it (and what came second), e.g. to stream text into the UI. */
@FunctionalInterface
public interface TokenStepListener {

    TokenStepListener NONE = (row, tokenId, logProbability) -> {
    };

    /**
     * Called once per row and step for a token that joins the row's output (never for the stop
     * token that ends a row).
     *
     * @param row index of the prompt in the request
     * @param tokenId the chosen token
     * @param logProbability its natural-log probability under the model
     */
    void tokenChosen(int row, int tokenId, float logProbability);

    /**
     * Called instead of {@link #tokenChosen(int, int, float)} by a decoder that also knows the runner-up,
     * the second most probable token of the step; by default the runner-up is ignored.
     *
     * @param runnerUpId the second most probable token
     * @param runnerUpLogProbability its natural-log probability
     */
    default void tokenChosen(int row, int tokenId, float logProbability, int runnerUpId, float runnerUpLogProbability) {
        tokenChosen(row, tokenId, logProbability);
    }
}
