package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.cli.CommandRun.run;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.bench.qwen.RandomQwenCheckpoint;
import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.inference.djl.weights.TensorType;
import taiyi.workbench.learning.adapters.BaseModelHash;
import taiyi.workbench.learning.export.DistributedTrainer;

/**
 * {@code taiyi adapter register|import|list|evaluate} and {@code taiyi preannotate} choosing the
 * registered adapter, on NCBI-disease with a downloaded-style model folder (random weights, the real
 * Qwen vocabulary) and adapters that fit it.
 */
class AdapterCommandTest {

    private static final QwenConfig CONFIG = new QwenConfig(64, 4, 2, 128, 151_936, 1e-6, 10_000, 16, 2048, 1.0);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private String db;
    private Path model;
    private Path round;

    @BeforeEach
    void corpusModelAndRound() throws Exception {
        db = tmp.resolve("db").toString();
        CommandRun imported = run("import", "--db", db, "--corpus", "ncbi", "--format", "pubtator",
                Path.of(System.getProperty("taiyi.testdata"), "ncbi-disease/pubtator/NCBIdevelopset_corpus.txt").toString());
        assertEquals(0, imported.code(), imported.err());
        model = tmp.resolve("tiny-qwen");
        RandomQwenCheckpoint.writeModel(model, CONFIG, 7, TensorType.F32, 1);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(System.getProperty("taiyi.djl.fixtures"),
                "tokenizer/qwen.tiktoken.gz"))); OutputStream out = Files.newOutputStream(model.resolve("qwen.tiktoken"))) {
            in.transferTo(out);
        }
        round = tmp.resolve("round-1");
        CommandRun exported = run("round", "export", "--db", db, "--corpus", "ncbi", "--round", "1", "--out", round.toString(),
                "--tokenizer", model.toString(), "--documents", "all", "--tasks", "ner");
        assertEquals(0, exported.code(), exported.err());
        assertTrue(exported.out().contains(round.resolve(DistributedTrainer.LAUNCHER) + " MODEL_DIR OUTPUT_DIR"), exported.out());
    }

    /** An adapter as taiyi train leaves it: peft files and its taiyi-training.json. */
    private Path trainedAdapter(String name, long seed) throws Exception {
        Path adapter = tmp.resolve(name);
        RandomQwenCheckpoint.writeAdapter(adapter, CONFIG, seed, 4, 16, List.of("c_attn", "w1"));
        String report = "{\"baseModelSha256\": \"" + BaseModelHash.of(model) + "\", \"dataManifestSha256\": \""
                + sha256(round.resolve("manifest.json")) + "\", \"round\": 1, \"hyperparameters\": {\"lora_rank\": 4, \"lora_alpha\": 16}, "
                + "\"finalLoss\": 0.08, \"steps\": 30, \"tokens\": 9000, \"startedAt\": \"2026-12-04T10:00:00Z\", "
                + "\"finishedAt\": \"2026-12-04T10:05:00Z\"}";
        Files.writeString(adapter.resolve("taiyi-training.json"), report, StandardCharsets.UTF_8);
        return adapter;
    }

    @Test
    void aRegisteredAdapterIsListedAndPreannotationLoadsItUnlessToldOtherwise() throws Exception {
        Path adapter = trainedAdapter("round-1-adapter", 3);
        CommandRun registered = run("adapter", "register", "--db", db, "--data", round.toString(), adapter.toString());
        assertEquals(0, registered.code(), registered.err());
        assertEquals("taiyi adapter register: " + adapter + " registered as round 1 for 'ncbi'", registered.last());

        CommandRun listed = run("adapter", "list", "--db", db, "--corpus", "ncbi");
        assertEquals(0, listed.code(), listed.err());
        JsonNode row = JSON.readTree(listed.out().lines().findFirst().orElseThrow());
        assertEquals(1, row.get("round").asInt());
        assertEquals(0.08, row.get("final_loss").asDouble());
        assertEquals(sha256(round.resolve("manifest.json")), row.get("data_manifest_sha256").asText());
        assertEquals("workbench", row.get("origin").asText());
        assertTrue(row.get("evaluation_f1").isNull());
        assertEquals("taiyi adapter list: 1 adapters registered for corpus 'ncbi', rounds [1]", listed.last());

        CommandRun withAdapter = run("preannotate", "--db", db, "--corpus", "ncbi", "--model", model.toString(), "--device", "cpu",
                "--limit", "1", "--max-new-tokens", "4");
        assertEquals(0, withAdapter.code(), withAdapter.err());
        assertTrue(withAdapter.out().contains("adapter " + adapter + " of round 1 (the latest round registered for this model)"),
                withAdapter.out());
        assertTrue(withAdapter.out().contains("model tiny-qwen + adapter round-1-adapter on cpu"), withAdapter.out());

        CommandRun without = run("preannotate", "--db", db, "--corpus", "ncbi", "--model", model.toString(), "--device", "cpu",
                "--limit", "1", "--max-new-tokens", "4", "--no-adapter");
        assertEquals(0, without.code(), without.err());
        assertTrue(without.out().contains("model tiny-qwen on cpu"), without.out());

        CommandRun both = run("preannotate", "--db", db, "--corpus", "ncbi", "--model", model.toString(), "--no-adapter",
                "--adapter-round", "1");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("at most one of --adapter, --adapter-round and --no-adapter"), both.err());

        CommandRun missingRound = run("preannotate", "--db", db, "--corpus", "ncbi", "--model", model.toString(), "--adapter-round", "5");
        assertEquals(1, missingRound.code());
        assertTrue(missingRound.err().contains("no usable adapter of round 5"), missingRound.err());
    }

    @Test
    void anAdapterFromTheDistributedTrainerIsImported() throws Exception {
        Path out = tmp.resolve("cluster-output");
        RandomQwenCheckpoint.writeAdapter(out, CONFIG, 11, 8, 16, List.of("c_attn", "c_proj", "w1", "w2"));
        Files.copy(round.resolve(DistributedTrainer.CONFIG), out.resolve(DistributedTrainer.SAVED_CONFIG));
        Files.writeString(out.resolve("trainer_state.json"), "{\"global_step\": 12, \"log_history\": [{\"loss\": 0.5, \"step\": 10}]}");

        CommandRun imported = run("adapter", "import", "--db", db, "--round", "1", "--model", model.toString(), out.toString());
        assertEquals(0, imported.code(), imported.err());
        JsonNode row = JSON.readTree(imported.out().lines().findFirst().orElseThrow());
        assertEquals("imported", row.get("origin").asText());
        assertEquals(BaseModelHash.of(model), row.get("base_model_sha256").asText());
        assertEquals(sha256(round.resolve("manifest.json")), row.get("data_manifest_sha256").asText());
        assertEquals(8, row.at("/hyperparameters/lora_rank").asInt());
        assertEquals(0.5, row.get("final_loss").asDouble());
        assertEquals(12, row.get("steps").asInt());

        // no suggestions made with it yet: nothing to evaluate, and it says how to get some
        CommandRun evaluate = run("adapter", "evaluate", "--db", db, "--corpus", "ncbi", "--gold-corpus", "ncbi");
        assertEquals(1, evaluate.code());
        assertTrue(evaluate.err().contains("pre-annotate with it first"), evaluate.err());
    }

    @Test
    void badAdaptersAreNamedAndNothingIsRegistered() throws Exception {
        Path bare = tmp.resolve("bare");
        RandomQwenCheckpoint.writeAdapter(bare, CONFIG, 5, 4, 16, List.of("c_attn"));
        CommandRun noReport = run("adapter", "register", "--db", db, "--data", round.toString(), bare.toString());
        assertEquals(1, noReport.code());
        assertTrue(noReport.err().contains(bare + ": no taiyi-training.json"), noReport.err());

        Path adapter = trainedAdapter("r1", 3);
        CommandRun noCorpus = run("adapter", "register", "--db", db, adapter.toString());
        assertEquals(1, noCorpus.code());
        assertTrue(noCorpus.err().contains("for which corpus?"), noCorpus.err());

        CommandRun notAModel = run("adapter", "import", "--db", db, "--round", "1", "--model", tmp.resolve("nowhere").toString(),
                bare.toString());
        assertEquals(1, notAModel.code());
        assertTrue(notAModel.err().contains("nowhere: not a folder"), notAModel.err());

        CommandRun listed = run("adapter", "list", "--db", db, "--corpus", "ncbi");
        assertEquals("taiyi adapter list: 0 adapters registered for corpus 'ncbi'", listed.last());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
