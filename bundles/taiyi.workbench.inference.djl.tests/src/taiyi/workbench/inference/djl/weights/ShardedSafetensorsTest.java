package taiyi.workbench.inference.djl.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.inference.djl.qwen.QwenLayout;
import taiyi.workbench.bench.qwen.RandomQwenCheckpoint;

class ShardedSafetensorsTest {

    static final QwenConfig SMALL = new QwenConfig(32, 2, 2, 64, 50, 1e-6, 10000, 16, 64, 1.0);

    @TempDir
    Path dir;

    @Test
    void aShardedCheckpointHoldsTheSameTensorsAsASingleFile() throws IOException {
        RandomQwenCheckpoint.writeModel(dir.resolve("single"), SMALL, 5, TensorType.F32, 1);
        RandomQwenCheckpoint.writeModel(dir.resolve("sharded"), SMALL, 5, TensorType.F32, 3);
        try (WeightSource single = SafetensorsFolder.open(dir.resolve("single"));
                WeightSource sharded = SafetensorsFolder.open(dir.resolve("sharded"))) {
            assertInstanceOf(ShardedSafetensors.class, sharded);
            assertEquals(3, ((ShardedSafetensors) sharded).shardNames().size());
            assertEquals(QwenLayout.shapes(SMALL).keySet(), sharded.names());
            assertEquals(single.names(), sharded.names());
            for (String name : single.names()) {
                assertEquals(single.get(name).data(), sharded.get(name).data(), name);
            }
        }
    }

    @Test
    void aMissingShardIsNamedWithTheTensorThatNeedsIt() throws IOException {
        Path folder = dir.resolve("sharded");
        RandomQwenCheckpoint.writeModel(folder, SMALL, 5, TensorType.F32, 2);
        Files.delete(folder.resolve("model-00002-of-00002.safetensors"));
        IOException e = assertThrows(IOException.class, () -> SafetensorsFolder.open(folder));
        assertTrue(e.getMessage().contains(ShardedSafetensors.INDEX_FILE) && e.getMessage().contains("model-00002-of-00002")
                && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void anIndexMappingATensorToTheWrongShardIsRefused() throws IOException {
        Path folder = dir.resolve("sharded");
        RandomQwenCheckpoint.writeModel(folder, SMALL, 5, TensorType.F32, 2);
        Path index = folder.resolve(ShardedSafetensors.INDEX_FILE);
        // lm_head is the last tensor, so it lives in the second shard
        String text = Files.readString(index).replace("\"lm_head.weight\" : \"model-00002-of-00002.safetensors\"",
                "\"lm_head.weight\" : \"model-00001-of-00002.safetensors\"");
        Files.writeString(index, text);
        IOException e = assertThrows(IOException.class, () -> ShardedSafetensors.open(index));
        assertTrue(e.getMessage().contains("tensor lm_head.weight is mapped to model-00001-of-00002.safetensors"), e.getMessage());
    }

    @Test
    void aFolderWithoutWeightsSaysWhatItLookedFor() {
        IOException e = assertThrows(IOException.class, () -> SafetensorsFolder.open(dir));
        assertTrue(e.getMessage().contains(ShardedSafetensors.INDEX_FILE) && e.getMessage().contains("model.safetensors"),
                e.getMessage());
    }
}
