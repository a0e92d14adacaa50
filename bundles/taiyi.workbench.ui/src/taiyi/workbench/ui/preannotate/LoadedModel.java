package taiyi.workbench.ui.preannotate;

import java.io.IOException;

import taiyi.workbench.inference.EngineFactory;
import taiyi.workbench.inference.GeneratorSettings;
import taiyi.workbench.inference.TextGenerator;
import taiyi.workbench.inference.remote.OpenAiEndpoint;
import taiyi.workbench.inference.remote.OpenAiTextGenerator;

/**
 * The model the workbench has loaded, kept while the settings stay the same: a second
 * pre-annotation does not pay the load again, a changed preference (another adapter, the GPU)
 * loads anew and frees the old one. One job uses it at a time (the jobs share a scheduling rule).
 */
public final class LoadedModel {

    private static GeneratorSettings settings;
    private static TextGenerator generator;

    private LoadedModel() {
    }

    static synchronized TextGenerator get(GeneratorSettings wanted) throws IOException {
        if (generator != null && wanted.equals(settings)) {
            return generator;
        }
        release();
        generator = EngineFactory.installed().open(wanted);
        settings = wanted;
        return generator;
    }

    /**
     * A generator on an OpenAI-compatible server, checked anew each time (reachable, key accepted,
     * model served): it holds no model, so nothing is worth keeping, and the server may have changed.
     * Server warnings (no log-probabilities) go to the platform log.
     */
    static synchronized TextGenerator get(OpenAiEndpoint endpoint, String template) {
        release();
        generator = OpenAiTextGenerator.connect(endpoint, template, warning -> org.eclipse.core.runtime.ILog.of(LoadedModel.class)
                .warn(warning));
        settings = null;
        return generator;
    }

    /** Frees the model's memory (at shutdown, or before loading another). */
    public static synchronized void release() {
        if (generator != null) {
            generator.close();
            generator = null;
            settings = null;
        }
    }
}
