package taiyi.workbench.inference.djl;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtEngineProvider;

import taiyi.workbench.core.runtime.PrivateFolder;

/**
 * Starts DJL's PyTorch engine offline, with its natives unpacked into the workbench's own data
 * folder instead of {@code ~/.djl.ai}.
 *
 * <p>DJL finds engines with {@code ServiceLoader} and its natives with {@code getResources} on the
 * thread context class loader. Inside Equinox that loader is the framework's context finder, which
 * stops at the DJL API bundle and sees neither the engine's service file nor the native jars. So
 * while the engine starts, the context loader is a {@link BundleResourceLoader} over the DJL bundles
 * and the bundles carrying {@code native/lib/pytorch.properties} or {@code jnilib/pytorch.properties}.
 * Outside OSGi (plain class path) the current context loader already sees everything and is kept.
 */
public final class PyTorchEngineLoader {

    public static final String ENGINE_NAME = "PyTorch";

    private PyTorchEngineLoader() {
    }

    /**
     * Loads the engine (once per JVM; DJL keeps it) and reports on it.
     *
     * @param nativeCache folder to unpack the natives into
     */
    public static synchronized EngineInfo load(Path nativeCache) throws IOException {
        // the model cache is private to the user like the rest of the data folder
        PrivateFolder.ensure(nativeCache);
        // Both switches must be set before DJL's Engine class initialises: offline mode also stops
        // the EC2 metadata probe DJL otherwise sends when the engine loads.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ENGINE_CACHE_DIR", nativeCache.toAbsolutePath().toString());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader djl = djlClassLoader();
        if (djl != null) {
            thread.setContextClassLoader(djl);
        }
        try {
            Engine engine = Engine.getEngine(ENGINE_NAME);
            float check;
            try (NDManager manager = NDManager.newBaseManager(Device.cpu(), ENGINE_NAME);
                    NDArray a = manager.arange(1f, 5f).reshape(2, 2)) {
                check = a.matMul(a).sum().getFloat();
            }
            return new EngineInfo(engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion(), engine.getGpuCount(),
                    engine.defaultDevice().toString(), nativeCache.toAbsolutePath(), check);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A loader over the DJL bundles, or null when not running inside OSGi. */
    private static ClassLoader djlClassLoader() {
        Bundle engineBundle = FrameworkUtil.getBundle(PtEngineProvider.class);
        Bundle apiBundle = FrameworkUtil.getBundle(Engine.class);
        if (engineBundle == null || apiBundle == null) {
            return null;
        }
        // this bundle is lazily activated, so loading this class started it and its context exists
        BundleContext context = FrameworkUtil.getBundle(PyTorchEngineLoader.class).getBundleContext();
        if (context == null) {
            throw new IllegalStateException("bundle taiyi.workbench.inference.djl is not active; cannot look for the DJL "
                    + "native bundles");
        }
        Set<Bundle> bundles = new LinkedHashSet<>(List.of(engineBundle, apiBundle));
        for (Bundle b : context.getBundles()) {
            if (b.getEntry("native/lib/pytorch.properties") != null || b.getEntry("jnilib/pytorch.properties") != null) {
                bundles.add(b);
            }
        }
        return new BundleResourceLoader(List.copyOf(bundles));
    }

    /**
     * Loads classes through the given bundles and finds resources in their own entries, so
     * {@code ServiceLoader} and DJL's native lookup see exactly those bundles.
     */
    static final class BundleResourceLoader extends ClassLoader {
        private final List<Bundle> bundles;

        BundleResourceLoader(List<Bundle> bundles) {
            super(null);
            this.bundles = bundles;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (Bundle b : bundles) {
                try {
                    return b.loadClass(name);
                } catch (ClassNotFoundException e) {
                    // try the next bundle
                }
            }
            throw new ClassNotFoundException(name + " is in none of the DJL bundles " + bundles);
        }

        @Override
        protected URL findResource(String name) {
            for (Bundle b : bundles) {
                URL url = b.getEntry(name);
                if (url != null) {
                    return url;
                }
            }
            return null;
        }

        @Override
        protected Enumeration<URL> findResources(String name) {
            List<URL> urls = new ArrayList<>();
            for (Bundle b : bundles) {
                URL url = b.getEntry(name);
                if (url != null) {
                    urls.add(url);
                }
            }
            return Collections.enumeration(urls);
        }
    }
}
