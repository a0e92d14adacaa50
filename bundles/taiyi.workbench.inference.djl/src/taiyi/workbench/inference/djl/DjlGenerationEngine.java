package taiyi.workbench.inference.djl;

import java.io.IOException;

import taiyi.workbench.inference.GenerationEngine;
import taiyi.workbench.inference.GeneratorSettings;
import taiyi.workbench.inference.TextGenerator;

/**
 * The DJL PyTorch engine as the workbench's {@link GenerationEngine} {@code djl}. Registered by
 * declarative services ({@code OSGI-INF/djl-engine.xml}) under Equinox and by
 * {@code META-INF/services} on a plain class path, so the faces reach it through
 * {@link taiyi.workbench.inference.EngineFactory} without depending on this bundle.
 */
public final class DjlGenerationEngine implements GenerationEngine {

    public static final String ID = "djl";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TextGenerator open(GeneratorSettings settings) throws IOException {
        return QwenTextGenerator.open(settings);
    }
}
