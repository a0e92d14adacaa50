package taiyi.workbench.inference.djl.qwen;

import java.util.Set;

import taiyi.workbench.inference.Generation.StopReason;

/**
 * One prompt handed to a {@link ContinuousDecoder}, and where its tokens go. The decoder calls
 * back on its own thread, so a request should hand the tokens on (a queue) rather than block.
 */
public interface DecodeRequest {

    /** The prompt's token ids, not empty. */
    int[] promptIds();

    /** The most tokens to generate (stop token not counted), at least 1. */
    int maxNewTokens();

    /** Tokens that end the answer (not included in it). */
    Set<Integer> stopIds();

    /** Polled before every step: true drops the row (its client left, or a stop string matched). */
    boolean cancelled();

    /** A token joined the answer. */
    void token(int tokenId, float logProbability, int runnerUpId, float runnerUpLogProbability);

    /** The answer ended; called once, last. */
    void finished(StopReason reason);

    /** The model failed on this row; called once, last, instead of {@link #finished}. */
    void failed(RuntimeException e);
}
