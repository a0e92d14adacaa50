package taiyi.workbench.inference.djl.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.bench.qwen.RandomQwenCheckpoint;

class LoraAdapterTest {

    static final QwenConfig SMALL = ShardedSafetensorsTest.SMALL;

    @TempDir
    Path dir;

    @Test
    void anAdapterListsADeltaPerTargetedWeightWithAlphaOverR() throws IOException {
        RandomQwenCheckpoint.writeAdapter(dir, SMALL, 3, 4, 16, List.of("c_attn", "w2"));
        try (LoraAdapter adapter = LoraAdapter.open(dir)) {
            assertEquals(4, adapter.rank());
            assertEquals(4.0, adapter.scale());
            assertEquals(Set.of("transformer.h.0.attn.c_attn.weight", "transformer.h.1.attn.c_attn.weight",
                    "transformer.h.0.mlp.w2.weight", "transformer.h.1.mlp.w2.weight"), adapter.targets());
            LoraAdapter.Delta qkv = adapter.deltas().stream().filter(d -> d.baseName().equals("transformer.h.1.attn.c_attn.weight"))
                    .findFirst().orElseThrow();
            assertArrayEquals(new long[] {4, 32}, qkv.a().shape());
            assertArrayEquals(new long[] {96, 4}, qkv.b().shape());
            assertArrayEquals(new long[] {96, 32}, qkv.baseShape());
        }
    }

    @Test
    void anAdapterForALargerModelNamesTheWeightTheModelLacks() throws IOException {
        QwenConfig deeper = new QwenConfig(32, 2, 3, 64, 50, 1e-6, 10000, 16, 64, 1.0);
        RandomQwenCheckpoint.writeAdapter(dir.resolve("adapter"), deeper, 3, 4, 8, List.of("w1"));
        RandomQwenCheckpoint.writeModel(dir.resolve("model"), SMALL, 1, TensorType.F32, 1);
        try (LoraAdapter adapter = LoraAdapter.open(dir.resolve("adapter"));
                WeightSource model = SafetensorsFolder.open(dir.resolve("model"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> adapter.checkAgainst(model));
            assertTrue(e.getMessage().contains("transformer.h.2.mlp.w1.weight") && e.getMessage().contains("does not have"),
                    e.getMessage());
        }
    }

    @Test
    void anAdapterOfAnotherWidthNamesBothShapes() throws IOException {
        QwenConfig wider = new QwenConfig(48, 3, 2, 64, 50, 1e-6, 10000, 16, 64, 1.0);
        RandomQwenCheckpoint.writeAdapter(dir.resolve("adapter"), wider, 3, 4, 8, List.of("c_attn"));
        RandomQwenCheckpoint.writeModel(dir.resolve("model"), SMALL, 1, TensorType.F32, 1);
        try (LoraAdapter adapter = LoraAdapter.open(dir.resolve("adapter"));
                WeightSource model = SafetensorsFolder.open(dir.resolve("model"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> adapter.checkAgainst(model));
            assertTrue(e.getMessage().contains("[144, 48]") && e.getMessage().contains("[96, 32]"), e.getMessage());
        }
    }

    @Test
    void configurationsThatCannotBeMergedAreRefusedNamingTheField() throws IOException {
        RandomQwenCheckpoint.writeAdapter(dir, SMALL, 3, 4, 16, List.of("c_attn"));
        Path config = dir.resolve(LoraAdapter.CONFIG_FILE);
        String good = Files.readString(config);

        Files.writeString(config, good.replace("\"bias\" : \"none\"", "\"bias\" : \"all\""));
        IOException bias = assertThrows(IOException.class, () -> LoraAdapter.open(dir));
        assertTrue(bias.getMessage().contains("field bias"), bias.getMessage());

        Files.writeString(config, good.replace("\"r\" : 4", "\"r\" : 8"));
        IOException rank = assertThrows(IOException.class, () -> LoraAdapter.open(dir));
        assertTrue(rank.getMessage().contains("lora_A [4, 32]") && rank.getMessage().contains("r=8"), rank.getMessage());

        Files.writeString(config, good.replace("\"c_attn\"", "\"w1\""));
        IOException target = assertThrows(IOException.class, () -> LoraAdapter.open(dir));
        assertTrue(target.getMessage().contains("target_modules [w1] does not name"), target.getMessage());
    }
}
