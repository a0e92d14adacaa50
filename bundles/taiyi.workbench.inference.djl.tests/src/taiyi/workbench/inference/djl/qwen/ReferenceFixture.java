package taiyi.workbench.inference.djl.qwen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.bench.qwen.RandomQwenCheckpoint;

import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.inference.djl.PyTorchEngineLoader;
import taiyi.workbench.inference.djl.weights.TensorType;

/**
 * The outputs {@code releng/python/qwen_reference.py fixture} computed in plain torch for the tiny
 * random model, and that model rebuilt here from the same seed.
 */
final class ReferenceFixture {

    static final JsonNode JSON = read();
    static final long SEED = JSON.get("seed").asLong();
    static final QwenConfig CONFIG = config();

    private ReferenceFixture() {
    }

    private static JsonNode read() {
        Path file = Path.of(System.getProperty("taiyi.djl.fixtures"), "qwen-tiny-reference.json");
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static QwenConfig config() {
        try {
            Path tmp = Files.createTempFile("qwen-config", ".json");
            Files.writeString(tmp, JSON.get("config").toString());
            QwenConfig c = QwenConfig.read(tmp);
            Files.delete(tmp);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void loadEngine() throws IOException {
        PyTorchEngineLoader.load(WorkbenchDataFolder.resolve().engineCache());
    }

    /** Writes the tiny model (and, when asked, the fixture's LoRA adapter) into {@code dir}. */
    static Path writeModel(Path dir, TensorType type, int shards) throws IOException {
        Path folder = dir.resolve("model-" + type + "-" + shards);
        RandomQwenCheckpoint.writeModel(folder, CONFIG, SEED, type, shards);
        return folder;
    }

    static Path writeAdapter(Path dir) throws IOException {
        JsonNode lora = JSON.get("lora");
        List<String> targets = new ArrayList<>();
        lora.get("target_modules").forEach(t -> targets.add(t.asText()));
        Path folder = dir.resolve("adapter");
        RandomQwenCheckpoint.writeAdapter(folder, CONFIG, lora.get("seed").asLong(), lora.get("r").asInt(),
                lora.get("lora_alpha").asDouble(), targets);
        return folder;
    }

    static List<int[]> prompts() {
        return intRows(JSON.get("prompts"));
    }

    static List<int[]> intRows(JsonNode rows) {
        List<int[]> out = new ArrayList<>();
        for (JsonNode row : rows) {
            int[] ids = new int[row.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = row.get(i).asInt();
            }
            out.add(ids);
        }
        return out;
    }

    static float[] floats(JsonNode values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values.get(i).asDouble();
        }
        return out;
    }
}
