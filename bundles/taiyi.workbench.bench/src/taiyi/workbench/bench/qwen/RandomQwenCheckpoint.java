package taiyi.workbench.bench.qwen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.inference.djl.qwen.QwenLayout;
import taiyi.workbench.inference.djl.weights.LoraAdapter;
import taiyi.workbench.inference.djl.weights.SafetensorsFolder;
import taiyi.workbench.inference.djl.weights.SafetensorsWriter;
import taiyi.workbench.inference.djl.weights.ShardedSafetensors;
import taiyi.workbench.inference.djl.weights.TensorType;

/**
 * Writes Qwen v1 model folders and peft LoRA adapters filled with {@link RandomWeights}, the way
 * Hugging Face lays them out ({@code config.json} and {@code model.safetensors}, or shards with an
 * index). Tests and benchmarks build their models with it, so no weights need to be committed.
 */
public final class RandomQwenCheckpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RandomQwenCheckpoint() {
    }

    /**
     * Writes a model folder.
     *
     * @param type F32 or BF16
     * @param shards 1 for a single {@code model.safetensors}, more for a sharded checkpoint
     */
    public static void writeModel(Path folder, QwenConfig config, long seed, TensorType type, int shards) throws IOException {
        writeModel(folder, config, seed, type, shards, 1.0);
    }

    /**
     * Writes a model folder whose final norm's weights are scaled by {@code finalNormGain}, so that
     * the model can become sure of a token (see {@link RandomWeights#RandomWeights(long, boolean, double)}).
     */
    public static void writeModel(Path folder, QwenConfig config, long seed, TensorType type, int shards, double finalNormGain)
            throws IOException {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1");
        }
        Files.createDirectories(folder);
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(QwenConfig.FILE).toFile(), config.toJson());
        RandomWeights random = new RandomWeights(seed, type == TensorType.BF16, finalNormGain);
        List<Map.Entry<String, long[]>> tensors = new ArrayList<>(QwenLayout.shapes(config).entrySet());
        if (shards == 1) {
            SafetensorsWriter writer = new SafetensorsWriter();
            for (Map.Entry<String, long[]> t : tensors) {
                writer.add(t.getKey(), type, t.getValue(), random.content(t.getKey(), t.getValue(), type));
            }
            writer.write(folder.resolve(SafetensorsFolder.SINGLE_FILE));
            return;
        }
        ObjectNode index = JSON.createObjectNode();
        ObjectNode weightMap = index.putObject("weight_map");
        long total = 0;
        int perShard = (tensors.size() + shards - 1) / shards;
        for (int s = 0; s < shards; s++) {
            String file = String.format("model-%05d-of-%05d.safetensors", s + 1, shards);
            SafetensorsWriter writer = new SafetensorsWriter();
            for (Map.Entry<String, long[]> t : tensors.subList(Math.min(s * perShard, tensors.size()),
                    Math.min((s + 1) * perShard, tensors.size()))) {
                writer.add(t.getKey(), type, t.getValue(), random.content(t.getKey(), t.getValue(), type));
                weightMap.put(t.getKey(), file);
                long n = type.bytes();
                for (long d : t.getValue()) {
                    n *= d;
                }
                total += n;
            }
            writer.write(folder.resolve(file));
        }
        index.putObject("metadata").put("total_size", total);
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(ShardedSafetensors.INDEX_FILE).toFile(), index);
    }

    /**
     * Writes a peft LoRA adapter for every block's modules named in {@code targetModules}
     * ({@code c_attn}, {@code c_proj} (both attention and MLP), {@code w1}, {@code w2}).
     */
    public static void writeAdapter(Path folder, QwenConfig config, long seed, int rank, double alpha, List<String> targetModules)
            throws IOException {
        Files.createDirectories(folder);
        ObjectNode cfg = JSON.createObjectNode();
        cfg.put("peft_type", "LORA");
        cfg.put("r", rank);
        cfg.put("lora_alpha", alpha);
        cfg.put("lora_dropout", 0.0);
        cfg.put("bias", "none");
        cfg.put("fan_in_fan_out", false);
        cfg.put("task_type", "CAUSAL_LM");
        targetModules.forEach(cfg.putArray("target_modules")::add);
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(LoraAdapter.CONFIG_FILE).toFile(), cfg);
        RandomWeights random = new RandomWeights(seed, false);
        SafetensorsWriter writer = new SafetensorsWriter();
        for (Map.Entry<String, long[]> t : QwenLayout.shapes(config).entrySet()) {
            String name = t.getKey();
            long[] shape = t.getValue();
            if (shape.length != 2 || !name.startsWith("transformer.h.")) {
                continue;
            }
            String module = name.substring(0, name.length() - ".weight".length());
            String leaf = module.substring(module.lastIndexOf('.') + 1);
            if (!targetModules.contains(leaf)) {
                continue;
            }
            String a = "base_model.model." + module + ".lora_A.weight";
            String b = "base_model.model." + module + ".lora_B.weight";
            long[] aShape = {rank, shape[1]};
            long[] bShape = {shape[0], rank};
            writer.add(a, TensorType.F32, aShape, random.content(a, aShape, TensorType.F32));
            writer.add(b, TensorType.F32, bShape, random.content(b, bShape, TensorType.F32));
        }
        writer.write(folder.resolve(LoraAdapter.WEIGHTS_FILE));
    }
}
