package taiyi.workbench.inference;

import java.util.List;

/**
 * How a model family wants a conversation laid out. Pluggable per model: Taiyi 1 joins turns
 * with {@code <|endoftext|>}, Qwen chat models use ChatML.
 */
public interface PromptTemplate {

    /** Stable id, recorded as suggestion provenance (e.g. {@code taiyi1}, {@code chatml}). */
    String id();

    /**
     * Renders a conversation whose last turn is the user's, leaving the model to answer it.
     *
     * @param turns alternating user and assistant texts, user first, ending with a user text
     */
    Prompt render(List<String> turns);
}
