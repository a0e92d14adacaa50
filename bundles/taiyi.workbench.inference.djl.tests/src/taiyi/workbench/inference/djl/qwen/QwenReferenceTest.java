package taiyi.workbench.inference.djl.qwen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import taiyi.workbench.bench.qwen.RandomQwenCheckpoint;
import taiyi.workbench.bench.qwen.RandomWeights;
import taiyi.workbench.inference.Generation.StopReason;
import taiyi.workbench.inference.djl.weights.LoraAdapter;
import taiyi.workbench.inference.djl.weights.SafetensorsFolder;
import taiyi.workbench.inference.djl.weights.TensorType;
import taiyi.workbench.inference.djl.weights.WeightSource;

/** The Java decoder against the plain-torch reference, on the same random tiny model. */
class QwenReferenceTest {

    static final double TOLERANCE = 1e-4;

    @TempDir
    static Path dir;
    static Path modelFolder;

    @BeforeAll
    static void buildModel() throws IOException {
        ReferenceFixture.loadEngine();
        modelFolder = ReferenceFixture.writeModel(dir, TensorType.F32, 1);
    }

    static QwenModel load(Path folder, Path adapterFolder, DataType type) throws IOException {
        try (WeightSource source = SafetensorsFolder.open(folder)) {
            if (adapterFolder == null) {
                return QwenModel.load(source, QwenConfig.read(folder), null, type, Device.cpu());
            }
            try (LoraAdapter adapter = LoraAdapter.open(adapterFolder)) {
                return QwenModel.load(source, QwenConfig.read(folder), adapter, type, Device.cpu());
            }
        }
    }

    static long[] padded(List<int[]> prompts, int[] padding) {
        int longest = 0;
        for (int[] p : prompts) {
            longest = Math.max(longest, p.length);
        }
        long[] ids = new long[prompts.size() * longest];
        for (int r = 0; r < prompts.size(); r++) {
            padding[r] = longest - prompts.get(r).length;
            for (int i = 0; i < prompts.get(r).length; i++) {
                ids[r * longest + padding[r] + i] = prompts.get(r)[i];
            }
        }
        return ids;
    }

    static double maxAbsDiff(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        return max;
    }

    @Test
    void prefillLogitsOfALeftPaddedBatchMatchTheReference() throws IOException {
        List<int[]> prompts = ReferenceFixture.prompts();
        int[] padding = new int[prompts.size()];
        long[] ids = padded(prompts, padding);
        assertArrayEquals(ReferenceFixture.intRows(wrap(ReferenceFixture.JSON.get("padding"))).get(0), padding);
        int length = ids.length / prompts.size();
        try (QwenModel model = load(modelFolder, null, DataType.FLOAT32); NDManager session = model.newSessionManager();
                KvCache cache = model.newCache(session, padding)) {
            NDArray logits = model.forward(session, ids, length, cache, true);
            int vocab = ReferenceFixture.CONFIG.vocabSize();
            float[] all = logits.toFloatArray();
            double worst = 0;
            for (JsonNode p : ReferenceFixture.JSON.get("prefill")) {
                int row = p.get("row").asInt();
                int position = p.get("position").asInt();
                float[] actual = java.util.Arrays.copyOfRange(all, (row * length + position) * vocab, (row * length + position + 1) * vocab);
                worst = Math.max(worst, maxAbsDiff(ReferenceFixture.floats(p.get("logits")), actual));
            }
            assertTrue(worst < TOLERANCE, "prefill logits differ by " + worst);
        }
    }

    private static JsonNode wrap(JsonNode row) {
        return new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode().add(row);
    }

    @Test
    void greedyTokensLogProbabilitiesAndStepMaximaMatchTheReference() throws IOException {
        JsonNode greedy = ReferenceFixture.JSON.get("greedy");
        List<int[]> expected = ReferenceFixture.intRows(greedy.get("tokens"));
        int newTokens = ReferenceFixture.JSON.get("new_tokens").asInt();
        try (QwenModel model = load(modelFolder, null, DataType.FLOAT32)) {
            DecodeResult result = new GreedyDecoder(model).decode(ReferenceFixture.prompts(), newTokens, Set.of(),
                    TokenStepListener.NONE, () -> false);
            double worst = 0;
            for (int r = 0; r < expected.size(); r++) {
                DecodeResult.Row row = result.rows().get(r);
                assertArrayEquals(expected.get(r), row.ids(), "row " + r);
                assertEquals(StopReason.MAX_TOKENS, row.stopReason());
                worst = Math.max(worst, maxAbsDiff(ReferenceFixture.floats(greedy.get("logprobs").get(r)), row.logProbabilities()));
            }
            assertTrue(worst < TOLERANCE, "log-probabilities differ by " + worst);
            assertEquals(newTokens - 1, result.decodeSteps());
            assertEquals(newTokens - 1, result.stepNanos().length);

            // the raw per-step maxima, stepping the model by hand with the reference's tokens
            List<int[]> prompts = ReferenceFixture.prompts();
            int[] padding = new int[prompts.size()];
            long[] ids = padded(prompts, padding);
            int length = ids.length / prompts.size();
            double stepWorst = 0;
            try (NDManager session = model.newSessionManager(); KvCache cache = model.newCache(session, padding)) {
                for (int s = 0; s < newTokens; s++) {
                    try (NDManager step = session.newSubManager()) {
                        NDArray logits = model.forward(step, ids, length, cache, false);
                        float[] max = logits.max(new int[] {2}).toFloatArray();
                        long[] argMax = logits.argMax(2).toLongArray();
                        for (int r = 0; r < prompts.size(); r++) {
                            JsonNode ref = greedy.get("steps").get(r).get(s);
                            stepWorst = Math.max(stepWorst, Math.abs(ref.get(0).asDouble() - max[r]));
                            assertEquals(ref.get(1).asLong(), argMax[r], "row " + r + " step " + s);
                        }
                    }
                    ids = new long[prompts.size()];
                    for (int r = 0; r < prompts.size(); r++) {
                        ids[r] = expected.get(r)[s];
                    }
                    length = 1;
                }
            }
            assertTrue(stepWorst < TOLERANCE, "per-step logit maxima differ by " + stepWorst);
        }
    }

    @Test
    void eachPromptAloneGivesWhatItGaveInThePaddedBatch() throws IOException {
        int newTokens = ReferenceFixture.JSON.get("new_tokens").asInt();
        List<int[]> alone = ReferenceFixture.intRows(ReferenceFixture.JSON.get("greedy").get("alone"));
        try (QwenModel model = load(modelFolder, null, DataType.FLOAT32)) {
            GreedyDecoder decoder = new GreedyDecoder(model);
            DecodeResult batch = decoder.decode(ReferenceFixture.prompts(), newTokens, Set.of(), TokenStepListener.NONE, () -> false);
            for (int r = 0; r < alone.size(); r++) {
                DecodeResult single = decoder.decode(List.of(ReferenceFixture.prompts().get(r)), newTokens, Set.of(),
                        TokenStepListener.NONE, () -> false);
                assertArrayEquals(alone.get(r), single.rows().get(0).ids(), "row " + r + " alone vs reference");
                assertArrayEquals(batch.rows().get(r).ids(), single.rows().get(0).ids(), "row " + r + " alone vs batch");
                assertTrue(maxAbsDiff(batch.rows().get(r).logProbabilities(), single.rows().get(0).logProbabilities()) < TOLERANCE);
            }
        }
    }

    @Test
    void aMergedLoraAdapterGivesTheReferenceLogitsAndTokens() throws IOException {
        JsonNode lora = ReferenceFixture.JSON.get("lora");
        Path adapter = ReferenceFixture.writeAdapter(dir);
        List<int[]> prompts = ReferenceFixture.prompts();
        int[] padding = new int[prompts.size()];
        long[] ids = padded(prompts, padding);
        try (QwenModel model = load(modelFolder, adapter, DataType.FLOAT32)) {
            try (NDManager session = model.newSessionManager(); KvCache cache = model.newCache(session, padding)) {
                float[] last = model.forward(session, ids, ids.length / prompts.size(), cache, false).toFloatArray();
                int vocab = ReferenceFixture.CONFIG.vocabSize();
                double worst = 0;
                for (int r = 0; r < prompts.size(); r++) {
                    worst = Math.max(worst, maxAbsDiff(ReferenceFixture.floats(lora.get("last_logits").get(r)),
                            java.util.Arrays.copyOfRange(last, r * vocab, (r + 1) * vocab)));
                }
                assertTrue(worst < TOLERANCE, "merged-adapter logits differ by " + worst);
            }
            DecodeResult result = new GreedyDecoder(model).decode(prompts, ReferenceFixture.JSON.get("new_tokens").asInt(),
                    Set.of(), TokenStepListener.NONE, () -> false);
            List<int[]> expected = ReferenceFixture.intRows(lora.get("tokens"));
            for (int r = 0; r < expected.size(); r++) {
                assertArrayEquals(expected.get(r), result.rows().get(r).ids(), "adapter row " + r);
            }
        }
    }

    /** On this model f16's error (about 1e-2 on the logits) stays below every greedy margin, so the tokens must not change. */
    @Test
    void float16GivesTheSameGreedyTokens() throws IOException {
        List<int[]> expected = ReferenceFixture.intRows(ReferenceFixture.JSON.get("greedy").get("tokens"));
        try (QwenModel model = load(modelFolder, null, DataType.FLOAT16)) {
            assertEquals(DataType.FLOAT16, model.dataType());
            DecodeResult result = new GreedyDecoder(model).decode(ReferenceFixture.prompts(),
                    ReferenceFixture.JSON.get("new_tokens").asInt(), Set.of(), TokenStepListener.NONE, () -> false);
            for (int r = 0; r < expected.size(); r++) {
                assertArrayEquals(expected.get(r), result.rows().get(r).ids(), "f16 row " + r);
            }
        }
    }

    /** bf16 weights are widened in Java; the model must equal the f32 model of the very same (bf16-rounded) values. */
    @Test
    void aBf16CheckpointLoadsWithoutBf16ArraysAndEqualsItsF32Twin() throws IOException {
        Path bf16 = dir.resolve("bf16");
        Path f32 = dir.resolve("f32-of-bf16");
        RandomQwenCheckpoint.writeModel(bf16, ReferenceFixture.CONFIG, ReferenceFixture.SEED, TensorType.BF16, 1);
        // the same values, bf16-rounded, stored as F32: write them through RandomWeights with bf16Exact
        writeF32Twin(f32);
        List<int[]> prompts = ReferenceFixture.prompts();
        int[] padding = new int[prompts.size()];
        long[] ids = padded(prompts, padding);
        float[][] logits = new float[2][];
        Path[] folders = {bf16, f32};
        for (int m = 0; m < 2; m++) {
            try (QwenModel model = load(folders[m], null, DataType.FLOAT32); NDManager session = model.newSessionManager();
                    KvCache cache = model.newCache(session, padding)) {
                logits[m] = model.forward(session, ids, ids.length / prompts.size(), cache, true).toFloatArray();
            }
        }
        assertArrayEquals(logits[1], logits[0]);
        // and the rounding did change the model, so the test compares something real
        try (QwenModel model = load(modelFolder, null, DataType.FLOAT32); NDManager session = model.newSessionManager();
                KvCache cache = model.newCache(session, padding)) {
            float[] exact = model.forward(session, ids, ids.length / prompts.size(), cache, true).toFloatArray();
            assertTrue(maxAbsDiff(exact, logits[0]) > 1e-3);
        }
    }

    private static void writeF32Twin(Path folder) throws IOException {
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.writeString(folder.resolve(QwenConfig.FILE), ReferenceFixture.CONFIG.toJson().toString());
        RandomWeights rounded = new RandomWeights(ReferenceFixture.SEED, true);
        taiyi.workbench.inference.djl.weights.SafetensorsWriter writer = new taiyi.workbench.inference.djl.weights.SafetensorsWriter();
        QwenLayout.shapes(ReferenceFixture.CONFIG)
                .forEach((name, shape) -> writer.addFloats(name, shape, rounded.values(name, shape)));
        writer.write(folder.resolve(SafetensorsFolder.SINGLE_FILE));
    }

    @Test
    void aShardedCheckpointDecodesLikeTheSingleFile() throws IOException {
        Path sharded = ReferenceFixture.writeModel(dir, TensorType.F32, 4);
        List<int[]> expected = ReferenceFixture.intRows(ReferenceFixture.JSON.get("greedy").get("tokens"));
        try (QwenModel model = load(sharded, null, DataType.FLOAT32)) {
            DecodeResult result = new GreedyDecoder(model).decode(ReferenceFixture.prompts(), 6, Set.of(), TokenStepListener.NONE,
                    () -> false);
            for (int r = 0; r < expected.size(); r++) {
                assertArrayEquals(java.util.Arrays.copyOf(expected.get(r), 6), result.rows().get(r).ids());
            }
        }
    }
}
