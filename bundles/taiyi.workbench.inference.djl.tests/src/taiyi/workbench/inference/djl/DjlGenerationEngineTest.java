package taiyi.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.inference.EngineFactory;
import taiyi.workbench.inference.GeneratorSettings;

/** The DJL engine registers itself under Equinox (declarative services), so the factory finds it without a face naming it. */
class DjlGenerationEngineTest {

    @Test
    void theInstalledFactoryOffersTheDjlEngineAsItsDefault(@TempDir Path empty) {
        EngineFactory factory = EngineFactory.installed();
        assertTrue(factory.engineIds().contains(EngineFactory.DEFAULT_ENGINE), factory.engineIds().toString());
        // the refusal is the DJL engine's own (it inspected the folder), not the factory's "not installed"
        IOException e = assertThrows(IOException.class, () -> factory.open(GeneratorSettings.taiyi(empty)));
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    }

    @Test
    void theDjlEngineIsTheDefaultEngine() {
        assertEquals(EngineFactory.DEFAULT_ENGINE, new DjlGenerationEngine().id());
    }
}
