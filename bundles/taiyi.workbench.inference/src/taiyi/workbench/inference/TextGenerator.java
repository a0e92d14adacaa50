package taiyi.workbench.inference;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A loaded model that answers prompts. Implementations are not required to be thread-safe: one
 * caller at a time.
 */
public interface TextGenerator extends AutoCloseable {

    /** Which model, adapter and prompt template this generator runs (the suggestions' provenance). */
    ModelDescription description();

    /** The model's prompt template (Taiyi 1 {@code <|endoftext|>} turns, ChatML, ...). */
    PromptTemplate template();

    /**
     * Answers each prompt greedily.
     *
     * @param cancelled polled between steps; when it turns true, the generations so far are
     *        returned with {@link Generation.StopReason#CANCELLED}
     * @return one generation per prompt, in order
     */
    List<Generation> generate(List<Prompt> prompts, GenerationOptions options, GenerationListener listener,
            BooleanSupplier cancelled);

    @Override
    void close();
}
