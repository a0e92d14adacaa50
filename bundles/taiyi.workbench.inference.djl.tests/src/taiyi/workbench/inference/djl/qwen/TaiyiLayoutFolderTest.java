package taiyi.workbench.inference.djl.qwen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import taiyi.workbench.bench.qwen.RandomWeights;
import taiyi.workbench.inference.djl.Fixtures;
import taiyi.workbench.inference.GeneratorSettings;
import taiyi.workbench.inference.djl.QwenModelFolder;
import taiyi.workbench.inference.djl.QwenTextGenerator;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.djl.weights.PyTorchShards;
import taiyi.workbench.inference.djl.weights.SafetensorsFolder;
import taiyi.workbench.inference.djl.weights.SafetensorsWriter;
import taiyi.workbench.inference.djl.weights.TensorType;
import taiyi.workbench.inference.djl.weights.WeightSource;
import taiyi.workbench.inference.djl.weights.WeightTensor;

/**
 * The tiny reference model in a folder laid out exactly as Taiyi 1 is published (Qwen-7B's
 * {@code config.json}, float16 {@code pytorch_model-0000X-of-00003.bin} shards written by
 * {@code torch.save}, {@code pytorch_model.bin.index.json}), made by
 * {@code releng/python/make_taiyi_layout_fixture.py}, against what plain torch computes from the
 * same float16 weights ({@code qwen-tiny-bin-reference.json}).
 */
class TaiyiLayoutFolderTest {

    /**
     * float16 values widen to float32 exactly, so loading them as FLOAT32 leaves only float32
     * summation order between Java and torch: the same bound as {@link QwenReferenceTest}.
     */
    static final double FLOAT32_TOLERANCE = QwenReferenceTest.TOLERANCE;

    /**
     * Running in FLOAT16 rounds every activation to 11 significant bits: the final rounding of a
     * logit alone may move it by 2^-11 of its size. Four such steps at the largest logit allow for
     * the rounded hidden state that feeds lm_head (64-term float16 dot products over two layers).
     */
    static final double FLOAT16_ULPS_OF_LARGEST_LOGIT = 4 * Math.pow(2, -11);

    static final String SHARD_2 = "pytorch_model-00002-of-00003.bin";
    static final String SHARD_3 = "pytorch_model-00003-of-00003.bin";

    @TempDir
    static Path dir;
    static JsonNode reference;
    static Path folder;

    @BeforeAll
    static void copyTheFolderWithTheRealVocabulary() throws IOException {
        ReferenceFixture.loadEngine();
        reference = new ObjectMapper().readTree(Fixtures.file("qwen-tiny-bin-reference.json").toFile());
        folder = copyOfFixture("Taiyi-tiny");
    }

    /** The committed folder has no vocabulary (a 1 MB file); a model folder needs one, so the real one is added. */
    static Path copyOfFixture(String name) throws IOException {
        Path source = Fixtures.file(reference.get("model_folder").asText());
        Path copy = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Fixtures.file("tokenizer/qwen.tiktoken.gz")))) {
            Files.copy(in, copy.resolve(QwenTokenizer.VOCABULARY_FILE));
        }
        return copy;
    }

    static QwenModel load(QwenModelFolder model, DataType type) throws IOException {
        try (WeightSource weights = model.openWeights()) {
            return QwenModel.load(weights, model.config(), null, type, Device.cpu());
        }
    }

    /** Logits at every position of the fixture's left-padded prompts. */
    static float[] prefill(QwenModel model) {
        List<int[]> prompts = ReferenceFixture.intRows(reference.get("prompts"));
        int[] padding = new int[prompts.size()];
        long[] ids = QwenReferenceTest.padded(prompts, padding);
        try (NDManager session = model.newSessionManager(); KvCache cache = model.newCache(session, padding)) {
            return model.forward(session, ids, ids.length / prompts.size(), cache, true).toFloatArray();
        }
    }

    /** The largest difference from a reference's per-position logits (the last positions of each row). */
    static double worstAgainst(JsonNode prefillReference, float[] logits) {
        int rows = reference.get("prompts").size();
        int vocab = ReferenceFixture.CONFIG.vocabSize();
        int length = logits.length / vocab / rows;
        double worst = 0;
        for (JsonNode p : prefillReference) {
            int at = p.get("row").asInt() * length + p.get("position").asInt();
            worst = Math.max(worst, QwenReferenceTest.maxAbsDiff(ReferenceFixture.floats(p.get("logits")),
                    Arrays.copyOfRange(logits, at * vocab, (at + 1) * vocab)));
        }
        return worst;
    }

    static DecodeResult decode(QwenModel model) {
        return new GreedyDecoder(model).decode(ReferenceFixture.intRows(reference.get("prompts")),
                reference.get("new_tokens").asInt(), Set.of(), TokenStepListener.NONE, () -> false);
    }

    static void assertReferenceTokens(DecodeResult result, String what) {
        List<int[]> expected = ReferenceFixture.intRows(reference.get("greedy").get("tokens"));
        for (int r = 0; r < expected.size(); r++) {
            assertArrayEquals(expected.get(r), result.rows().get(r).ids(), what + " row " + r);
        }
    }

    @Test
    void theFolderIsSeenAsPyTorchShardsHoldingTheSeededWeightsRoundedToFloat16() throws IOException {
        QwenModelFolder model = QwenModelFolder.inspect(folder);
        assertEquals(QwenModelFolder.WeightKind.PYTORCH_SHARDS, model.weightKind());
        assertEquals(ReferenceFixture.CONFIG, model.config());
        assertEquals("Taiyi-tiny", model.modelId());
        Map<String, long[]> shapes = QwenLayout.shapes(model.config());
        RandomWeights seeded = new RandomWeights(ReferenceFixture.SEED, false);
        long bytes = 0;
        try (WeightSource weights = model.openWeights(); NDManager nd = NDManager.newBaseManager(Device.cpu())) {
            assertEquals(3, ((PyTorchShards) weights).shardCount());
            assertEquals(shapes.keySet(), weights.names());
            // every tensor, including shard 2's views into one buffer and shard 3's transposed lm_head
            for (Map.Entry<String, long[]> e : shapes.entrySet()) {
                WeightTensor t = weights.get(e.getKey());
                assertEquals(TensorType.F16, t.type(), e.getKey());
                assertArrayEquals(e.getValue(), t.shape(), e.getKey());
                Shape shape = new Shape(e.getValue());
                float[] expected = nd.create(seeded.values(e.getKey(), e.getValue()), shape).toType(DataType.FLOAT16, false)
                        .toType(DataType.FLOAT32, false).toFloatArray();
                float[] actual = nd.create(t.data(), shape, DataType.FLOAT16).toType(DataType.FLOAT32, false).toFloatArray();
                assertArrayEquals(expected, actual, e.getKey());
                bytes += t.data().remaining();
            }
        }
        JsonNode index = new ObjectMapper().readTree(folder.resolve(PyTorchShards.INDEX_FILE).toFile());
        assertEquals(index.get("metadata").get("total_size").asLong(), bytes);
    }

    @Test
    void loadedAsFloat32ItGivesTheReferenceLogitsOfTheFloat16WeightsAndItsGreedyTokens() throws IOException {
        try (QwenModel model = load(QwenModelFolder.inspect(folder), DataType.FLOAT32)) {
            float[] logits = prefill(model);
            double worst = worstAgainst(reference.get("prefill"), logits);
            assertTrue(worst < FLOAT32_TOLERANCE, "float32 logits differ from the reference by " + worst);
            // float16 rounding moved the logits away from the float32-weight model, so the test saw the .bin values
            double moved = worstAgainst(ReferenceFixture.JSON.get("prefill"), logits);
            assertTrue(moved > 1e-3, "logits equal the float32-weight model's (" + moved + "): were the shards read?");

            DecodeResult result = decode(model);
            assertReferenceTokens(result, "float32");
            JsonNode logProbs = reference.get("greedy").get("logprobs");
            for (int r = 0; r < logProbs.size(); r++) {
                double lp = QwenReferenceTest.maxAbsDiff(ReferenceFixture.floats(logProbs.get(r)),
                        result.rows().get(r).logProbabilities());
                assertTrue(lp < FLOAT32_TOLERANCE, "row " + r + " log-probabilities differ by " + lp);
            }
        }
    }

    @Test
    void loadedAsFloat16ItStaysWithinFloat16RoundingAndKeepsEveryGreedyToken() throws IOException {
        double tolerance = FLOAT16_ULPS_OF_LARGEST_LOGIT * reference.get("max_abs_logit").asDouble();
        // below half the smallest greedy margin, an error this size cannot change a token: the check is consistent
        assertTrue(tolerance < reference.get("greedy").get("smallest_margin").asDouble() / 2, "tolerance " + tolerance);
        try (QwenModel model = load(QwenModelFolder.inspect(folder), DataType.FLOAT16)) {
            assertEquals(DataType.FLOAT16, model.dataType());
            double worst = worstAgainst(reference.get("prefill"), prefill(model));
            assertTrue(worst < tolerance, "float16 logits differ from the reference by " + worst + " (limit " + tolerance + ")");
            assertReferenceTokens(decode(model), "float16");
        }
    }

    @Test
    void theSameWeightsResavedAsSafetensorsDecodeBitForBitAlike() throws IOException {
        QwenModelFolder bin = QwenModelFolder.inspect(folder);
        Path resaved = Files.createDirectories(dir.resolve("resaved-as-safetensors"));
        Files.copy(folder.resolve(QwenConfig.FILE), resaved.resolve(QwenConfig.FILE));
        Files.copy(bin.vocabulary(), resaved.resolve(QwenTokenizer.VOCABULARY_FILE));
        try (WeightSource weights = bin.openWeights()) {
            SafetensorsWriter writer = new SafetensorsWriter();
            weights.names().forEach(name -> writer.add(weights.get(name)));
            writer.write(resaved.resolve(SafetensorsFolder.SINGLE_FILE));
        }
        QwenModelFolder safetensors = QwenModelFolder.inspect(resaved);
        assertEquals(QwenModelFolder.WeightKind.SAFETENSORS, safetensors.weightKind());
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT16}) {
            try (QwenModel fromBin = load(bin, type); QwenModel fromSafetensors = load(safetensors, type)) {
                assertArrayEquals(prefill(fromBin), prefill(fromSafetensors), type + " logits");
                DecodeResult a = decode(fromBin);
                DecodeResult b = decode(fromSafetensors);
                for (int r = 0; r < a.rows().size(); r++) {
                    assertArrayEquals(a.rows().get(r).ids(), b.rows().get(r).ids(), type + " row " + r);
                    assertArrayEquals(a.rows().get(r).logProbabilities(), b.rows().get(r).logProbabilities(), type + " row " + r);
                }
            }
        }
    }

    @Test
    void aTruncatedShardIsRefusedNamingTheShard() throws IOException {
        Path broken = copyOfFixture("truncated-shard");
        Path shard = broken.resolve(SHARD_2);
        try (FileChannel c = FileChannel.open(shard, StandardOpenOption.WRITE)) {
            c.truncate(c.size() / 2);
        }
        QwenModelFolder model = QwenModelFolder.inspect(broken);
        IOException e = assertThrows(IOException.class, model::openWeights);
        assertTrue(e.getMessage().contains(shard.toString()), e.getMessage());
    }

    @Test
    void anIndexNamingAMissingShardIsRefusedNamingTheShard() throws IOException {
        Path broken = copyOfFixture("missing-shard");
        Files.delete(broken.resolve(SHARD_3));
        QwenModelFolder model = QwenModelFolder.inspect(broken);
        IOException e = assertThrows(IOException.class, model::openWeights);
        assertTrue(e.getMessage().contains(SHARD_3) && e.getMessage().contains("missing")
                && e.getMessage().contains(PyTorchShards.INDEX_FILE), e.getMessage());
    }

    /** The tiny model has 1,000 rows, fewer than Qwen's vocabulary: the generator must refuse it rather than index past lm_head. */
    @Test
    void theTextGeneratorRefusesAVocabularyLargerThanTheModel() {
        IOException e = assertThrows(IOException.class, () -> QwenTextGenerator.open(GeneratorSettings.taiyi(folder)));
        assertTrue(e.getMessage().contains("vocab_size is " + ReferenceFixture.CONFIG.vocabSize())
                && e.getMessage().contains(QwenTokenizer.VOCABULARY_FILE), e.getMessage());
    }
}
