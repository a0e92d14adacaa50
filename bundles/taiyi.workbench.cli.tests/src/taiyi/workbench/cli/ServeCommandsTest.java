package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.cli.CommandRun.run;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.bench.qwen.RandomQwenCheckpoint;
import taiyi.workbench.inference.GeneratorSettings;
import taiyi.workbench.inference.djl.QwenTextGenerator;
import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.inference.djl.serve.OpenAiServer;
import taiyi.workbench.inference.djl.serve.ServeSettings;
import taiyi.workbench.inference.djl.weights.TensorType;

/**
 * {@code taiyi preannotate --endpoint} against the server {@code taiyi serve} runs (a tiny random
 * model on a free loopback port), and what {@code serve} and {@code preannotate} refuse.
 */
class ServeCommandsTest {

    @TempDir
    Path tmp;
    private String db;

    @BeforeEach
    void importNcbi() {
        db = tmp.resolve("db").toString();
        CommandRun r = run("import", "--db", db, "--corpus", "ncbi", "--format", "pubtator",
                Path.of(System.getProperty("taiyi.testdata"), "ncbi-disease/pubtator/NCBIdevelopset_corpus.txt").toString());
        assertEquals(0, r.code(), r.err());
    }

    private Path randomModel() throws Exception {
        Path model = tmp.resolve("tiny-qwen");
        RandomQwenCheckpoint.writeModel(model, new QwenConfig(64, 4, 2, 128, 151_936, 1e-6, 10_000, 16, 2048, 1.0), 7,
                TensorType.F32, 1);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(System.getProperty("taiyi.djl.fixtures"),
                "tokenizer/qwen.tiktoken.gz"))); OutputStream out = Files.newOutputStream(model.resolve("qwen.tiktoken"))) {
            in.transferTo(out);
        }
        return model;
    }

    @Test
    void preannotateAsksAServerAndSaysWhatItDid() throws Exception {
        Path model = randomModel();
        try (QwenTextGenerator generator = QwenTextGenerator.open(new GeneratorSettings(model, null,
                GeneratorSettings.DeviceChoice.CPU, GeneratorSettings.Precision.FLOAT32, "taiyi1"));
                OpenAiServer server = OpenAiServer.start(new ServeSettings("127.0.0.1", 0, "tiny-qwen", null, 4), generator.model(),
                        generator.tokenizer())) {
            CommandRun r = run("preannotate", "--db", db, "--corpus", "ncbi", "--endpoint", server.baseUrl(), "--model-name",
                    "tiny-qwen", "--limit", "2", "--max-new-tokens", "6");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("model tiny-qwen on " + server.baseUrl()), r.out());
            assertTrue(r.last().startsWith("taiyi preannotate: 2 documents pre-annotated (0 skipped"), r.last());

            CommandRun unknown = run("preannotate", "--db", db, "--corpus", "ncbi", "--endpoint", server.baseUrl(), "--model-name",
                    "taiyi-7b", "--limit", "1");
            assertEquals(1, unknown.code());
            assertTrue(unknown.err().contains("taiyi-7b") && unknown.err().contains("tiny-qwen"), unknown.err());
        }
    }

    @Test
    void whatIsWrongIsNamedBeforeAnythingLoads() throws Exception {
        CommandRun both = run("preannotate", "--db", db, "--corpus", "ncbi", "--model", tmp.toString(), "--endpoint",
                "http://127.0.0.1:1/v1", "--model-name", "x");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--endpoint"), both.err());
        CommandRun noName = run("preannotate", "--db", db, "--corpus", "ncbi", "--endpoint", "http://127.0.0.1:1/v1");
        assertEquals(2, noName.code());
        assertTrue(noName.err().contains("--model-name"), noName.err());
        CommandRun noKeyVariable = run("preannotate", "--db", db, "--corpus", "ncbi", "--endpoint", "http://127.0.0.1:1/v1",
                "--model-name", "x", "--api-key-env", "TAIYI_TEST_NO_SUCH_VARIABLE");
        assertEquals(2, noKeyVariable.code());
        assertTrue(noKeyVariable.err().contains("TAIYI_TEST_NO_SUCH_VARIABLE"), noKeyVariable.err());

        CommandRun open = run("serve", "--model", tmp.resolve("nothing").toString(), "--host", "0.0.0.0");
        assertEquals(2, open.code());
        assertTrue(open.err().contains("0.0.0.0") && open.err().contains("API key"), open.err());
    }
}
