package taiyi.workbench.inference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The one place both faces (the CLI's {@code preannotate}, the workbench's Pre-annotate job) get a
 * {@link TextGenerator} from: it picks a registered {@link GenerationEngine} by id and lets it load
 * the model. A new back end plugs in by registering another engine; no caller changes.
 */
public final class EngineFactory {

    /** The engine a plain {@link #open(GeneratorSettings)} uses: Taiyi on DJL PyTorch, in process. */
    public static final String DEFAULT_ENGINE = "djl";

    private final List<GenerationEngine> engines;

    /** A factory over exactly these engines (what tests and embedders hand in). */
    public EngineFactory(List<GenerationEngine> engines) {
        this.engines = List.copyOf(engines);
    }

    /**
     * A factory over the engines installed now: the {@link GenerationEngine} services of the OSGi
     * framework when this class runs in one, else those {@link ServiceLoader} finds on the class path.
     */
    public static EngineFactory installed() {
        Bundle bundle = FrameworkUtil.getBundle(EngineFactory.class);
        if (bundle == null) {
            List<GenerationEngine> found = new ArrayList<>();
            ServiceLoader.load(GenerationEngine.class, EngineFactory.class.getClassLoader()).forEach(found::add);
            return new EngineFactory(found);
        }
        return new EngineFactory(services(bundle));
    }

    /** The ids of the engines this factory can use, in the order it tries them. */
    public List<String> engineIds() {
        return engines.stream().map(GenerationEngine::id).toList();
    }

    /** Loads a model on the {@linkplain #DEFAULT_ENGINE default engine}. */
    public TextGenerator open(GeneratorSettings settings) throws IOException {
        return open(DEFAULT_ENGINE, settings);
    }

    /**
     * Loads a model on the engine with this id.
     *
     * @throws IOException when no such engine is installed (naming those that are), or the
     *         engine's own reason the model cannot be loaded
     */
    public TextGenerator open(String engineId, GeneratorSettings settings) throws IOException {
        for (GenerationEngine engine : engines) {
            if (engine.id().equals(engineId)) {
                return engine.open(settings);
            }
        }
        throw new IOException("no text generation engine '" + engineId + "' is installed (installed: "
                + (engines.isEmpty() ? "none" : String.join(", ", engineIds())) + ")");
    }

    private static List<GenerationEngine> services(Bundle bundle) {
        BundleContext context = bundle.getBundleContext();
        if (context == null) {
            // a resolved but not started bundle has no context; starting it transiently costs nothing (no activator)
            try {
                bundle.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                throw new IllegalStateException("cannot start " + bundle.getSymbolicName() + " to look up engines", e);
            }
            context = bundle.getBundleContext();
        }
        List<GenerationEngine> found = new ArrayList<>();
        try {
            for (ServiceReference<GenerationEngine> ref : context.getServiceReferences(GenerationEngine.class, null)) {
                GenerationEngine engine = context.getService(ref);
                if (engine != null) {
                    found.add(engine);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new AssertionError("no filter was given", e);
        }
        return found;
    }
}
