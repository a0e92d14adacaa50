package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.bench.qwen.RandomQwenCheckpoint;
import taiyi.workbench.inference.djl.weights.TensorType;

/**
 * {@code taiyi preannotate} on a real corpus with a downloaded-style model folder (random weights,
 * the real Qwen vocabulary): it loads, asks, reports per document and ends with its summary line;
 * what a folder lacks is named. (What the suggestions hold is tested where the engine is, with a
 * model scripted to answer known mentions.)
 */
class PreannotateCommandTest {

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
    void aModelFolderPreannotatesDocumentsAndSaysWhatItDid() throws Exception {
        Path model = randomModel();
        CommandRun r = run("preannotate", "--db", db, "--corpus", "ncbi", "--model", model.toString(), "--device", "cpu",
                "--limit", "2", "--max-new-tokens", "6", "--batch", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("model tiny-qwen on cpu float32, template taiyi1"), r.out() + "|ERR|" + r.err());
        assertTrue(r.out().contains("[1/2] ") && r.out().contains("[2/2] "), r.out());
        assertTrue(r.last().startsWith("taiyi preannotate: 2 documents pre-annotated (0 skipped"), r.last());
        assertTrue(r.last().endsWith("into corpus 'ncbi'"), r.last());
    }

    @Test
    void whatIsWrongIsNamed() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CommandRun noModel = run("preannotate", "--db", db, "--corpus", "ncbi", "--model", empty.toString());
        assertEquals(1, noModel.code());
        assertTrue(noModel.err().contains("config.json") && noModel.err().contains("empty"), noModel.err());

        CommandRun badTask = run("preannotate", "--db", db, "--corpus", "ncbi", "--model", randomModel().toString(), "--task", "qa");
        assertNotEquals(0, badTask.code());
        assertTrue(badTask.err().contains("qa"), badTask.err());

        CommandRun badDevice = run("preannotate", "--db", db, "--corpus", "ncbi", "--model", empty.toString(), "--device", "tpu");
        assertEquals(2, badDevice.code());
        assertTrue(badDevice.err().contains("--device") && badDevice.err().contains("tpu"), badDevice.err());
    }
}
