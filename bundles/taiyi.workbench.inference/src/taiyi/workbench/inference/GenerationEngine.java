package taiyi.workbench.inference;

import java.io.IOException;

/**
 * A back end that loads models and answers prompts: the DJL PyTorch engine today, an
 * OpenAI-compatible HTTP endpoint later. An engine registers itself (an OSGi service under
 * Equinox, a {@code META-INF/services} entry on a plain class path) so that neither face names it;
 * {@link EngineFactory} finds it by {@link #id()}.
 */
public interface GenerationEngine {

    /** The name settings and options use for this engine, e.g. {@code djl}. */
    String id();

    /**
     * Loads the model the settings name.
     *
     * @throws IOException naming the folder or file that is missing or malformed
     */
    TextGenerator open(GeneratorSettings settings) throws IOException;
}
