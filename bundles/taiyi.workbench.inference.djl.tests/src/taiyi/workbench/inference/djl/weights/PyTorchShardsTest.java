package taiyi.workbench.inference.djl.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.inference.djl.Fixtures;

/** A sharded checkpoint with transformers' index, as Taiyi publishes its 8 shards. */
class PyTorchShardsTest {

    private static final String SHARD_1 = "pytorch_model-00001-of-00002.bin";
    private static final String SHARD_2 = "pytorch_model-00002-of-00002.bin";

    @TempDir
    Path dir;

    private static Path folder() {
        return Fixtures.file("pytorch/sharded");
    }

    @Test
    void tensorsComeFromTheShardTheIndexNames() throws IOException {
        try (PyTorchShards shards = PyTorchShards.open(folder())) {
            assertEquals(2, shards.shardCount());
            assertEquals(Set.of("transformer.wte.weight", "transformer.h.0.ln_1.weight", "lm_head.weight"),
                    shards.names());
            // Python: arange(8, dtype=float16).view(4, 2) and its negation; full((2,), 0.5)
            WeightTensor wte = shards.get("transformer.wte.weight");
            assertEquals(TensorType.F16, wte.type());
            assertArrayEquals(new long[] {4, 2}, wte.shape());
            assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, PyTorchCheckpointTest.floats(wte));
            assertArrayEquals(new float[] {-0f, -1, -2, -3, -4, -5, -6, -7},
                    PyTorchCheckpointTest.floats(shards.get("lm_head.weight")));
            assertArrayEquals(new float[] {0.5f, 0.5f},
                    PyTorchCheckpointTest.floats(shards.get("transformer.h.0.ln_1.weight")));
            assertTrue(shards.find("transformer.h.1.ln_1.weight").isEmpty());
        }
    }

    private Path copyWithIndex(String index) throws IOException {
        Files.copy(folder().resolve(SHARD_1), dir.resolve(SHARD_1));
        Files.copy(folder().resolve(SHARD_2), dir.resolve(SHARD_2));
        return Files.writeString(dir.resolve(PyTorchShards.INDEX_FILE), index);
    }

    @Test
    void aTensorIndexedInTheWrongShardIsRefused() throws IOException {
        Path index = copyWithIndex("{\"weight_map\": {\"transformer.wte.weight\": \"" + SHARD_1
                + "\", \"lm_head.weight\": \"" + SHARD_1 + "\"}}");
        PyTorchFormatException e = assertThrows(PyTorchFormatException.class, () -> PyTorchShards.open(index));
        assertTrue(e.getMessage().startsWith(index.toString()) && e.getMessage().contains("lm_head.weight"),
                e.getMessage());
    }

    @Test
    void aMissingShardOrABrokenIndexIsRefusedNamingTheIndex() throws IOException {
        Path index = copyWithIndex("{\"weight_map\": {\"lm_head.weight\": \"pytorch_model-00003-of-00003.bin\"}}");
        PyTorchFormatException missing = assertThrows(PyTorchFormatException.class, () -> PyTorchShards.open(dir));
        assertTrue(missing.getMessage().contains("pytorch_model-00003-of-00003.bin") && missing.getMessage()
                .startsWith(index.toString()), missing.getMessage());

        Files.writeString(index, "{\"metadata\": {}}");
        PyTorchFormatException noMap = assertThrows(PyTorchFormatException.class, () -> PyTorchShards.open(index));
        assertTrue(noMap.getMessage().contains("weight_map"), noMap.getMessage());

        Files.writeString(index, "{\"weight_map\": {\"lm_head.weight\": \"../elsewhere.bin\"}}");
        PyTorchFormatException outside = assertThrows(PyTorchFormatException.class, () -> PyTorchShards.open(index));
        assertTrue(outside.getMessage().contains("../elsewhere.bin"), outside.getMessage());
    }
}
