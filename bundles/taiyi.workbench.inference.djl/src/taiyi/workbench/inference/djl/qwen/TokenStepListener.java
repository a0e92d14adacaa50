package taiyi.workbench.inference.djl.qwen;

/** Hears each token as soon as the decoder chose it, e.g. to stream text into the UI. */
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
}
