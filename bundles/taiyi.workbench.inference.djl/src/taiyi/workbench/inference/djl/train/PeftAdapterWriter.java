package taiyi.workbench.inference.djl.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import taiyi.workbench.inference.djl.weights.LoraAdapter;
import taiyi.workbench.inference.djl.weights.SafetensorsWriter;

/**
 * Writes the trained pairs as a peft LoRA adapter: {@code adapter_config.json} (peft_type LORA,
 * r, lora_alpha, lora_dropout, target_modules, bias none, task_type CAUSAL_LM, the base model,
 * fan_in_fan_out false, inference_mode true) and {@code adapter_model.safetensors} with peft's key
 * names, float32, A {@code [r, in]} and B {@code [out, r]} — what {@link LoraAdapter} reads and
 * peft loads.
 */
public final class PeftAdapterWriter {

    private PeftAdapterWriter() {
    }

    /** Writes both files into {@code folder} (which must exist). */
    public static void write(Path folder, LoraSettings settings, List<LoraPair> pairs, String baseModel) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode config = json.createObjectNode();
        config.put("peft_type", "LORA");
        config.put("task_type", "CAUSAL_LM");
        config.put("r", settings.rank());
        if (settings.alpha() == Math.rint(settings.alpha())) {
            config.put("lora_alpha", (long) settings.alpha());
        } else {
            config.put("lora_alpha", settings.alpha());
        }
        config.put("lora_dropout", settings.dropout());
        settings.targetModules().forEach(config.putArray("target_modules")::add);
        config.put("bias", "none");
        config.put("fan_in_fan_out", false);
        config.put("inference_mode", true);
        config.put("base_model_name_or_path", baseModel);
        SafetensorsWriter weights = new SafetensorsWriter();
        for (LoraPair p : pairs) {
            weights.addFloats(p.aKey(), p.a().getShape().getShape(), p.a().toFloatArray());
            weights.addFloats(p.bKey(), p.b().getShape().getShape(), p.b().toFloatArray());
        }
        weights.write(folder.resolve(LoraAdapter.WEIGHTS_FILE));
        Files.write(folder.resolve(LoraAdapter.CONFIG_FILE), json.writeValueAsBytes(config));
    }
}
