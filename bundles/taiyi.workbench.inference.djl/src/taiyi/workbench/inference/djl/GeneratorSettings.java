package taiyi.workbench.inference.djl;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to load and where: the model folder, an optional LoRA adapter folder merged at load, the
 * device, the precision and the prompt template. The CLI's options and the UI's preferences both
 * become one of these.
 *
 * @param modelFolder the downloaded model's folder
 * @param adapterFolder a peft adapter folder, or null
 * @param device where to run
 * @param precision the weights' precision in memory
 * @param templateId the prompt template ({@code taiyi1} for Taiyi 1, {@code chatml} for Qwen chat models)
 */
public record GeneratorSettings(Path modelFolder, Path adapterFolder, DeviceChoice device, Precision precision,
        String templateId) {

    /** Where the model runs. */
    public enum DeviceChoice {
        /** the GPU when DJL sees one, else the CPU */
        AUTO, CPU, GPU
    }

    /** The weights' precision in memory; bf16 checkpoints are converted (DJL 0.36 cannot hold bf16 arrays from Java). */
    public enum Precision {
        /** float16 on a GPU or when float32 would not fit comfortably; float32 for small models on a CPU */
        AUTO, FLOAT32, FLOAT16
    }

    public GeneratorSettings {
        Objects.requireNonNull(modelFolder, "modelFolder");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(templateId, "templateId");
    }

    /** Taiyi 1 defaults: automatic device and precision, the {@code taiyi1} template, no adapter. */
    public static GeneratorSettings taiyi(Path modelFolder) {
        return new GeneratorSettings(modelFolder, null, DeviceChoice.AUTO, Precision.AUTO, "taiyi1");
    }

    public Optional<Path> adapter() {
        return Optional.ofNullable(adapterFolder);
    }
}
