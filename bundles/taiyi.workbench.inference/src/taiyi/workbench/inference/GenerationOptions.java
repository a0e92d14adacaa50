package taiyi.workbench.inference;

/**
 * How to generate: greedy decoding (reproducible, what annotation wants) up to a number of new
 * tokens, in batches of at most {@code batchSize} prompts.
 */
public record GenerationOptions(int maxNewTokens, int batchSize) {

    /** Taiyi's published generation length: enough for the entity list of an abstract in its output format. */
    public static final int DEFAULT_MAX_NEW_TOKENS = 500;
    /** Prompts generated side by side; 4 fits a 7B model in half precision on a 24 GB GPU. */
    public static final int DEFAULT_BATCH_SIZE = 4;

    public GenerationOptions {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be at least 1, was " + maxNewTokens);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
    }

    /** The defaults both the CLI's options and the preference page start from. */
    public static GenerationOptions defaults() {
        return new GenerationOptions(DEFAULT_MAX_NEW_TOKENS, DEFAULT_BATCH_SIZE);
    }
}
