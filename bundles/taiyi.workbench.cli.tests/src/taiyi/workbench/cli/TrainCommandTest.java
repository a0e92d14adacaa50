package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.cli.CommandRun.run;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.bench.qwen.RandomQwenCheckpoint;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.inference.GeneratorSettings.DeviceChoice;
import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.inference.djl.weights.LoraAdapter;
import taiyi.workbench.inference.djl.weights.SafetensorsFile;
import taiyi.workbench.inference.djl.weights.TensorType;
import taiyi.workbench.learning.adapters.BaseModelHash;
import taiyi.workbench.learning.adapters.FileSha256;
import taiyi.workbench.learning.training.TrainingProgress;
import taiyi.workbench.learning.training.TrainingRecord;
import taiyi.workbench.learning.training.TrainingResult;
import taiyi.workbench.learning.training.TrainingRun;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.OneTorchThread;

/**
 * {@code taiyi train} on a round exported from real NCBI-disease abstracts, with a downloaded-style
 * model folder (random weights, the real Qwen vocabulary): the peft adapter and its training
 * record, resuming a cancelled run to the very same adapter, QLoRA's memory per parameter, and bad
 * data named by file and line with nothing written.
 */
class TrainCommandTest {

    static final QwenConfig TINY = new QwenConfig(64, 4, 2, 128, 151_936, 1e-6, 10_000, 16, 2048, 1.0);

    @TempDir
    Path tmp;

    static Path model(Path folder) throws Exception {
        return model(folder, TINY);
    }

    static Path model(Path folder, QwenConfig config) throws Exception {
        return model(folder, config, 1.0);
    }

    /** A model folder whose final norm is scaled by {@code finalNormGain} (see {@link RandomQwenCheckpoint}). */
    static Path model(Path folder, QwenConfig config, double finalNormGain) throws Exception {
        RandomQwenCheckpoint.writeModel(folder, config, 7, TensorType.F32, 1, finalNormGain);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(System.getProperty("taiyi.djl.fixtures"),
                "tokenizer/qwen.tiktoken.gz"))); OutputStream out = Files.newOutputStream(folder.resolve("qwen.tiktoken"))) {
            in.transferTo(out);
        }
        return folder;
    }

    static String vocabulary() {
        return Path.of(System.getProperty("taiyi.testdata"))
                .resolveSibling("bundles/taiyi.workbench.inference.djl.tests/fixtures/tokenizer/qwen.tiktoken.gz").toString();
    }

    /** The first {@code n} abstracts of the NCBI-disease development set, imported, marked done and exported as round 1. */
    static Path round(Path tmp, int n) throws Exception {
        Path file = LoopClosedTest.firstAbstracts(tmp, n);
        String db = tmp.resolve("db").toString();
        CommandRun imported = run("import", "--db", db, "--corpus", "ncbi", "--format", "pubtator", file.toString());
        assertEquals(0, imported.code(), imported.err());
        try (CorpusStore store = CorpusStore.open(tmp.resolve("db"))) {
            for (Document d : store.documents().allDocuments("ncbi")) {
                store.log().record("ncbi", CorrectionEvent.decision(d.id(), "ann", CorrectionAction.MARK_DONE, null, "test", 60_000));
            }
        }
        Path out = tmp.resolve("round-1");
        CommandRun r = run("round", "export", "--db", db, "--corpus", "ncbi", "--round", "1", "--out", out.toString(),
                "--tokenizer", vocabulary(), "--tasks", "ner", "--languages", "en", "--validation-fraction", "0", "--seed", "5");
        assertEquals(0, r.code(), r.err());
        return out;
    }

    @Test
    void writesAPeftAdapterWithItsTrainingRecordThatThePreannotatorLoads() throws Exception {
        Path model = model(tmp.resolve("tiny-qwen"));
        Path round = round(tmp, 2);
        Path adapter = tmp.resolve("adapter-1");
        CommandRun r = run("train", "--model", model.toString(), "--data", round.toString(), "--out", adapter.toString(),
                "--no-qlora", "--max-steps", "3", "--batch", "2", "--grad-accum", "1", "--rank", "4", "--alpha", "8", "--lr", "1e-3",
                "--device", "cpu", "--db", tmp.resolve("db").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("taiyi train: registered for corpus ncbi, round 1"), r.out());
        assertTrue(r.out().contains("step 3/3 loss "), r.out());
        assertTrue(r.out().contains(" tokens/s ETA "), r.out());
        assertTrue(r.last().startsWith("taiyi train: 3 steps, final loss "), r.last());

        JsonNode config = new ObjectMapper().readTree(adapter.resolve("adapter_config.json").toFile());
        assertEquals("LORA", config.get("peft_type").asText());
        assertEquals("CAUSAL_LM", config.get("task_type").asText());
        assertEquals(4, config.get("r").asInt());
        assertEquals(8, config.get("lora_alpha").asInt());
        assertEquals("none", config.get("bias").asText());
        assertFalse(config.get("fan_in_fan_out").asBoolean());
        assertTrue(config.get("inference_mode").asBoolean());
        assertEquals("[\"c_attn\",\"c_proj\",\"w1\",\"w2\"]", config.get("target_modules").toString());
        try (SafetensorsFile weights = SafetensorsFile.open(adapter.resolve("adapter_model.safetensors"))) {
            assertEquals(2 * 2 * 5, weights.names().size(), "A and B of five modules in each of two blocks");
            assertArrayEquals(new long[] {4, 64}, weights.get("base_model.model.transformer.h.1.mlp.w2.lora_A.weight").shape());
            assertArrayEquals(new long[] {64, 4}, weights.get("base_model.model.transformer.h.0.mlp.c_proj.lora_B.weight").shape());
            assertArrayEquals(new long[] {3 * 64, 4}, weights.get("base_model.model.transformer.h.0.attn.c_attn.lora_B.weight").shape());
        }
        try (LoraAdapter loaded = LoraAdapter.open(adapter)) {
            assertEquals(10, loaded.deltas().size());
            assertEquals(2.0, loaded.scale());
        }

        JsonNode record = new ObjectMapper().readTree(adapter.resolve(TrainingRecord.FILE).toFile());
        assertEquals(BaseModelHash.of(model), record.get("baseModelSha256").asText());
        assertTrue(record.get("baseModelSha256").asText().matches("[0-9a-f]{64}"));
        assertEquals(FileSha256.of(round.resolve("manifest.json")), record.get("dataManifestSha256").asText());
        assertEquals(1, record.get("round").asInt());
        assertEquals(3, record.get("steps").asInt());
        assertTrue(record.get("tokens").asLong() > 0);
        assertTrue(record.get("finalLoss").asDouble() > 0);
        assertEquals(4, record.at("/hyperparameters/lora_rank").asInt());
        assertEquals(1e-3, record.at("/hyperparameters/learning_rate").asDouble());
        assertEquals(0.3, record.at("/hyperparameters/max_grad_norm").asDouble(), "the round's recipe where not overridden");
        assertEquals("lora", record.at("/hyperparameters/method").asText());
        assertTrue(record.get("startedAt").asText().compareTo(record.get("finishedAt").asText()) <= 0);

        CommandRun pre = run("preannotate", "--db", tmp.resolve("db").toString(), "--corpus", "ncbi", "--model", model.toString(),
                "--adapter", adapter.toString(), "--device", "cpu", "--limit", "1", "--max-new-tokens", "4");
        assertEquals(0, pre.code(), pre.err());
        assertTrue(pre.out().contains("+ adapter adapter-1"), pre.out());

        // registered by train: pre-annotation without --adapter picks it for this model
        CommandRun latest = run("preannotate", "--db", tmp.resolve("db").toString(), "--corpus", "ncbi", "--model", model.toString(),
                "--device", "cpu", "--limit", "1", "--max-new-tokens", "4");
        assertEquals(0, latest.code(), latest.err());
        assertTrue(latest.out().contains("+ adapter adapter-1"), latest.out());
    }

    private static Map<String, Object> settings(int steps) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("qlora", false);
        m.put("max_steps", steps);
        m.put("per_device_train_batch_size", 1);
        m.put("gradient_accumulation_steps", 2);
        m.put("lora_rank", 4);
        m.put("lora_dropout", 0.1);
        m.put("learning_rate", 1e-3);
        m.put("checkpoint_every", 2);
        return m;
    }

    private static float[] tensor(Path adapter, String name) throws Exception {
        try (SafetensorsFile f = SafetensorsFile.open(adapter.resolve("adapter_model.safetensors"))) {
            var t = f.get(name);
            float[] v = new float[Math.toIntExact(t.elementCount())];
            t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            return v;
        }
    }

    @Test
    void aCancelledRunResumesToTheSameAdapter() throws Exception {
        // one thread: a threaded reduction may add in another order from run to run, and the two runs must agree bit for bit
        OneTorchThread.run(this::resumeAfterCancelAndCompare);
    }

    private void resumeAfterCancelAndCompare() throws Exception {
        Path model = model(tmp.resolve("tiny-qwen"));
        Path round = round(tmp, 2);
        Path whole = tmp.resolve("whole");
        TrainingResult uninterrupted = TrainingRun.run(new TrainingRun.Request(model, round, whole, null, settings(5), DeviceChoice.CPU),
                TrainingProgress.NONE, () -> false);
        assertEquals(5, uninterrupted.steps());

        Path resumed = tmp.resolve("resumed");
        AtomicInteger polls = new AtomicInteger();
        TrainingResult cancelled = TrainingRun.run(new TrainingRun.Request(model, round, resumed, null, settings(5), DeviceChoice.CPU),
                TrainingProgress.NONE, () -> polls.incrementAndGet() > 3);
        assertTrue(cancelled.cancelled());
        assertEquals(3, cancelled.steps());
        assertNull(cancelled.adapter());
        assertFalse(Files.exists(resumed), "nothing in the output folder until the adapter is whole");
        Path checkpoint = tmp.resolve(".resumed.checkpoint");
        assertTrue(Files.isRegularFile(checkpoint.resolve("state.json")));
        // weights and optimizer state trained on the corpus: its owner's only
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoint)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoint.resolve("state.json"))));

        AtomicInteger resumedAt = new AtomicInteger(-1);
        TrainingResult finished = TrainingRun.run(new TrainingRun.Request(model, round, resumed, null, settings(5), DeviceChoice.CPU),
                new TrainingProgress() {
                    @Override
                    public void started(int totalSteps, int at, long frozenParameters, long frozenBytes, long trainable, int examples) {
                        resumedAt.set(at);
                    }
                }, () -> false);
        assertEquals(3, resumedAt.get());
        assertFalse(finished.cancelled());
        assertEquals(uninterrupted.finalLoss(), finished.finalLoss());
        assertEquals(uninterrupted.tokens(), finished.tokens());
        for (String name : List.of("base_model.model.transformer.h.0.attn.c_attn.lora_A.weight",
                "base_model.model.transformer.h.1.mlp.c_proj.lora_B.weight")) {
            assertArrayEquals(tensor(whole, name), tensor(resumed, name), name);
        }
        assertFalse(Files.exists(tmp.resolve(".resumed.checkpoint")), "a finished run removes its checkpoint");
    }

    @Test
    void qloraKeepsTheBaseInAboutHalfAByteAParameterOfItsLinears() throws Exception {
        Path model = model(tmp.resolve("tiny-qwen"));
        Path round = round(tmp, 1);
        CommandRun r = run("train", "--model", model.toString(), "--data", round.toString(), "--out", tmp.resolve("q").toString(),
                "--qlora", "--max-steps", "2", "--batch", "1", "--grad-accum", "1", "--rank", "4", "--device", "cpu");
        assertEquals(0, r.code(), r.err());
        String started = r.lines().stream().filter(l -> l.contains("bytes a parameter")).findFirst().orElseThrow();
        double perParameter = Double.parseDouble(started.replaceAll(".*\\(([0-9.]+) bytes a parameter\\).*", "$1"));
        // the tiny model is mostly its float16 embedding (2 bytes) and NF4 lm_head (about 0.52 bytes)
        assertTrue(perParameter > 1.0 && perParameter < 1.4, started);
    }

    @Test
    void badDataIsNamedByFileAndLineAndNothingIsWritten() throws Exception {
        Path model = model(tmp.resolve("tiny-qwen"));
        Path round = Files.createDirectories(tmp.resolve("bad-round"));
        Files.writeString(round.resolve("train.jsonl"), "{\"conversation\": [{\"human\": \"h\", \"assistant\": \"a\"}]}\n{oops\n",
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("adapter");
        CommandRun r = run("train", "--model", model.toString(), "--data", round.toString(), "--out", out.toString(), "--device", "cpu");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("taiyi train: " + round.resolve("train.jsonl") + ":2: not JSON"), r.err());
        assertFalse(Files.exists(out));
        try (var left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".adapter")), "no temporary or checkpoint folder");
        }
    }
}
