package taiyi.workbench.learning.adapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.inference.djl.weights.LoraAdapter;

/**
 * A peft LoRA adapter folder, verified: its {@code adapter_config.json} is a LoRA configuration the
 * decoder can merge and its {@code adapter_model.safetensors} holds a lora_A/lora_B pair of rank r
 * for every adapted module (checked by the same reader that loads it for pre-annotation).
 *
 * @param folder the folder, absolute
 * @param rank {@code r}
 * @param alpha {@code lora_alpha}
 * @param dropout {@code lora_dropout} (0 when absent)
 * @param targetModules {@code target_modules}
 * @param baseModel {@code base_model_name_or_path}, when given
 * @param weightsSha256 SHA-256 of {@code adapter_model.safetensors}
 */
public record AdapterFolder(Path folder, int rank, double alpha, double dropout, List<String> targetModules,
        Optional<String> baseModel, String weightsSha256) {

    public AdapterFolder {
        targetModules = List.copyOf(targetModules);
    }

    /**
     * Opens and verifies an adapter folder.
     *
     * @throws IOException naming the folder or file and what is wrong with it
     */
    public static AdapterFolder verify(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IOException(folder + ": not a folder (give the adapter's folder)");
        }
        int rank;
        double alpha;
        List<String> targets;
        try (LoraAdapter adapter = LoraAdapter.open(absolute)) {
            rank = adapter.rank();
            alpha = adapter.alpha();
            targets = adapter.targetModules();
        }
        JsonNode config = new ObjectMapper().readTree(absolute.resolve(LoraAdapter.CONFIG_FILE).toFile());
        JsonNode dropout = config.path("lora_dropout");
        JsonNode base = config.path("base_model_name_or_path");
        return new AdapterFolder(absolute, rank, alpha, dropout.isNumber() ? dropout.asDouble() : 0.0, targets,
                base.isTextual() && !base.asText().isBlank() ? Optional.of(base.asText()) : Optional.empty(),
                FileSha256.of(absolute.resolve(LoraAdapter.WEIGHTS_FILE)));
    }

    /** Whether the weights are still those registered (a folder can be retrained in place). */
    public static boolean unchanged(Path folder, String weightsSha256) {
        try {
            return FileSha256.of(folder.resolve(LoraAdapter.WEIGHTS_FILE)).equals(weightsSha256);
        } catch (IOException e) {
            return false;
        }
    }
}
