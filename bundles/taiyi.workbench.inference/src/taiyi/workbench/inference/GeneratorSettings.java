package taiyi.workbench.inference;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What to load and where: the model folder, an optional LoRA adapter folder merged at load, the
 * device, the precision and the prompt template. The CLI's options and the UI's preferences both
 * become one of these, and {@link EngineFactory} turns it into a {@link TextGenerator}.
 *
 * @param modelFolder the downloaded model's folder
 * @param adapterFolder a peft adapter folder, or null
 * @param device where to run
 * @param precision the weights' precision in memory
 * @param templateId the prompt template ({@code taiyi1} for Taiyi 1, {@code chatml} for Qwen chat models)
 */
public record GeneratorSettings(Path modelFolder, Path adapterFolder, DeviceChoice device, Precision precision,
        String templateId) {

    /** The prompt template both faces start from: Taiyi 1's own. */
    public static final String DEFAULT_TEMPLATE = "taiyi1";

    /** Where the model runs; the one device choice of the CLI's {@code --device} and the preference page. */
    public enum DeviceChoice {
        /** the GPU when the engine sees one, else the CPU */
        AUTO, CPU, GPU;

        /** The word the CLI takes and the preferences store: {@code auto}, {@code cpu}, {@code gpu}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The choice a word names, ignoring case and surrounding blanks.
         *
         * @throws IllegalArgumentException naming the word and the words accepted
         */
        public static DeviceChoice parse(String key) {
            return parseChoice(DeviceChoice.class, key, "device");
        }
    }

    /** The weights' precision in memory; bf16 checkpoints are converted (DJL 0.36 cannot hold bf16 arrays from Java). */
    public enum Precision {
        /** float16 on a GPU or when float32 would not fit comfortably; float32 for small models on a CPU */
        AUTO, FLOAT32, FLOAT16;

        /** The word the CLI takes: {@code auto}, {@code float32}, {@code float16}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The precision a word names, ignoring case and surrounding blanks.
         *
         * @throws IllegalArgumentException naming the word and the words accepted
         */
        public static Precision parse(String key) {
            return parseChoice(Precision.class, key, "precision");
        }
    }

    public GeneratorSettings {
        Objects.requireNonNull(modelFolder, "modelFolder");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(templateId, "templateId");
    }

    /** Taiyi 1 defaults: automatic device and precision, the {@code taiyi1} template, no adapter. */
    public static GeneratorSettings taiyi(Path modelFolder) {
        return new GeneratorSettings(modelFolder, null, DeviceChoice.AUTO, Precision.AUTO, DEFAULT_TEMPLATE);
    }

    public Optional<Path> adapter() {
        return Optional.ofNullable(adapterFolder);
    }

    private static <E extends Enum<E>> E parseChoice(Class<E> type, String key, String what) {
        String word = key == null ? "" : key.strip();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(word)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + word + "' (expected one of "
                + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ")");
    }
}
