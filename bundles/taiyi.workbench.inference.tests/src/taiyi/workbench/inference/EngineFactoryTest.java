package taiyi.workbench.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import taiyi.workbench.inference.prompt.ChatMlTemplate;

/** Both faces load models through one factory that picks a registered engine by id; the defaults and device words are one set. */
class EngineFactoryTest {

    @Test
    void opensTheModelOnTheEngineTheIdNames() throws IOException {
        RecordingEngine djl = new RecordingEngine("djl");
        RecordingEngine http = new RecordingEngine("openai-http");
        EngineFactory factory = new EngineFactory(List.of(http, djl));
        GeneratorSettings settings = GeneratorSettings.taiyi(Path.of("models", "Taiyi-LLM"));

        TextGenerator byDefault = factory.open(settings);
        assertSame(djl.opened.get(0), byDefault);
        assertEquals(List.of(settings), djl.asked);
        assertEquals(List.of(), http.asked);

        factory.open("openai-http", settings);
        assertEquals(List.of(settings), http.asked);
        assertEquals(List.of("openai-http", "djl"), factory.engineIds());
    }

    @Test
    void aMissingEngineIsNamedWithTheInstalledOnes() {
        EngineFactory factory = new EngineFactory(List.of(new RecordingEngine("openai-http")));
        IOException e = assertThrows(IOException.class, () -> factory.open(GeneratorSettings.taiyi(Path.of("m"))));
        assertTrue(e.getMessage().contains("'djl'") && e.getMessage().contains("openai-http"), e.getMessage());

        IOException none = assertThrows(IOException.class,
                () -> new EngineFactory(List.of()).open(GeneratorSettings.taiyi(Path.of("m"))));
        assertTrue(none.getMessage().contains("installed: none"), none.getMessage());
    }

    @Test
    void theInstalledFactoryHasNoEngineWhereNoEngineBundleRuns() {
        // this fragment's runtime holds the inference bundle but no engine bundle: the lookup answers, empty
        assertEquals(List.of(), EngineFactory.installed().engineIds());
    }

    @Test
    void deviceAndPrecisionWordsAreReadLikeTheCliAndThePreferencesWriteThem() {
        assertEquals(GeneratorSettings.DeviceChoice.GPU, GeneratorSettings.DeviceChoice.parse(" GPU "));
        for (GeneratorSettings.DeviceChoice d : GeneratorSettings.DeviceChoice.values()) {
            assertEquals(d, GeneratorSettings.DeviceChoice.parse(d.key()));
        }
        assertEquals(GeneratorSettings.Precision.FLOAT16, GeneratorSettings.Precision.parse("float16"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeneratorSettings.DeviceChoice.parse("tpu"));
        assertTrue(e.getMessage().contains("'tpu'") && e.getMessage().contains("[auto, cpu, gpu]"), e.getMessage());
    }

    @Test
    void oneSetOfGenerationDefaults() {
        // Taiyi's published answer length, not a face's own choice
        assertEquals(new GenerationOptions(500, 4), GenerationOptions.defaults());
        GeneratorSettings taiyi = GeneratorSettings.taiyi(Path.of("m"));
        assertEquals(GeneratorSettings.DeviceChoice.AUTO, taiyi.device());
        assertEquals("taiyi1", taiyi.templateId());
    }

    /** An engine that hands out a do-nothing generator and remembers what it was asked to load. */
    private static final class RecordingEngine implements GenerationEngine {

        private final String id;
        final List<GeneratorSettings> asked = new ArrayList<>();
        final List<TextGenerator> opened = new ArrayList<>();

        RecordingEngine(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public TextGenerator open(GeneratorSettings settings) {
            asked.add(settings);
            TextGenerator generator = new TextGenerator() {
                @Override
                public ModelDescription description() {
                    return new ModelDescription(settings.modelFolder().getFileName().toString(), "", "cpu");
                }

                @Override
                public PromptTemplate template() {
                    return new ChatMlTemplate();
                }

                @Override
                public List<Generation> generate(List<Prompt> prompts, GenerationOptions options, GenerationListener listener,
                        BooleanSupplier cancelled) {
                    return List.of();
                }

                @Override
                public void close() {
                }
            };
            opened.add(generator);
            return generator;
        }
    }
}
