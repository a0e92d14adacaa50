package taiyi.workbench.inference;

/**
 * How to generate: greedy decoding (reproducible, what annotation wants) up to a number of new
 * tokens, in batches of at most {@code batchSize} prompts.
 */
public record GenerationOptions(int maxNewTokens, int batchSize) {

    public GenerationOptions {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be at least 1, was " + maxNewTokens);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
    }

    /** Taiyi's published generation length, one prompt at a time. */
    public static GenerationOptions defaults() {
        return new GenerationOptions(500, 1);
    }
}
