package taiyi.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.runtime.WorkbenchDataFolder;

/** Runs in OSGi with the DJL jars as separate wrapped bundles, as the product ships them. */
class PyTorchEngineLoaderTest {

    @Test
    void theEngineLoadsOfflineWithItsNativesInTheGivenFolder() throws IOException {
        Path cache = WorkbenchDataFolder.resolve().engineCache();
        EngineInfo info = PyTorchEngineLoader.load(cache);
        assertEquals("PyTorch", info.name());
        assertEquals("2.7.1", info.version());
        assertEquals("0.36.0", info.djlVersion());
        // [[1,2],[3,4]] squared is [[7,10],[15,22]], which sums to 54
        assertEquals(54f, info.check());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        try (Stream<Path> files = Files.walk(cache)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("libtorch_cpu")),
                    "libtorch_cpu was not unpacked under " + cache);
        }
    }

    @Test
    void loadingTwiceReusesTheEngine() throws IOException {
        Path cache = WorkbenchDataFolder.resolve().engineCache();
        EngineInfo first = PyTorchEngineLoader.load(cache);
        EngineInfo second = PyTorchEngineLoader.load(cache);
        assertEquals(first.version(), second.version());
        assertEquals(first.defaultDevice(), second.defaultDevice());
    }
}
