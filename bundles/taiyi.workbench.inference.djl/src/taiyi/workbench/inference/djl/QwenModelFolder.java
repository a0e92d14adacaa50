package taiyi.workbench.inference.djl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.djl.weights.PyTorchCheckpoint;
import taiyi.workbench.inference.djl.weights.PyTorchShards;
import taiyi.workbench.inference.djl.weights.SafetensorsFolder;
import taiyi.workbench.inference.djl.weights.WeightSource;

/**
 * A Hugging Face folder of a Qwen v1 model as it is downloaded (Taiyi's {@code DUTIR-BioNLP/Taiyi-LLM}
 * or Qwen-7B): {@code config.json}, {@code qwen.tiktoken} and the weights, as safetensors (single
 * or sharded) or as PyTorch {@code pytorch_model*.bin} (single or sharded, Taiyi's published form),
 * read in place — no conversion step.
 */
public record QwenModelFolder(Path folder, QwenConfig config, Path vocabulary, WeightKind weightKind) {

    /** How the folder stores its weights, in the order they are looked for. */
    public enum WeightKind {
        SAFETENSORS, PYTORCH_SHARDS, PYTORCH_SINGLE
    }

    static final String PYTORCH_SINGLE_FILE = "pytorch_model.bin";

    /**
     * Looks at a folder and says what is missing, by name, when it is not a model folder.
     *
     * @throws IOException naming the folder and the missing or unreadable file
     */
    public static QwenModelFolder inspect(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a folder (give the downloaded model's folder)");
        }
        Path configFile = folder.resolve(QwenConfig.FILE);
        if (!Files.isRegularFile(configFile)) {
            throw new IOException(folder + ": no " + QwenConfig.FILE + " (is this a Hugging Face model folder?)");
        }
        QwenConfig config = QwenConfig.read(configFile);
        Path vocabulary = folder.resolve(QwenTokenizer.VOCABULARY_FILE);
        if (!Files.isRegularFile(vocabulary)) {
            throw new IOException(folder + ": no " + QwenTokenizer.VOCABULARY_FILE + " (the Qwen tokenizer's vocabulary)");
        }
        return new QwenModelFolder(folder, config, vocabulary, weightKind(folder).orElseThrow(() -> new IOException(folder
                + ": no weights: expected " + SafetensorsFolder.SINGLE_FILE + ", model.safetensors.index.json, "
                + PyTorchShards.INDEX_FILE + " or " + PYTORCH_SINGLE_FILE)));
    }

    private static Optional<WeightKind> weightKind(Path folder) {
        if (SafetensorsFolder.holdsWeights(folder)) {
            return Optional.of(WeightKind.SAFETENSORS);
        }
        if (Files.isRegularFile(folder.resolve(PyTorchShards.INDEX_FILE))) {
            return Optional.of(WeightKind.PYTORCH_SHARDS);
        }
        if (Files.isRegularFile(folder.resolve(PYTORCH_SINGLE_FILE))) {
            return Optional.of(WeightKind.PYTORCH_SINGLE);
        }
        return Optional.empty();
    }

    /** The weights, memory-mapped; close them once the model is loaded. */
    public WeightSource openWeights() throws IOException {
        return switch (weightKind) {
            case SAFETENSORS -> SafetensorsFolder.open(folder);
            case PYTORCH_SHARDS -> PyTorchShards.open(folder);
            case PYTORCH_SINGLE -> PyTorchCheckpoint.open(folder.resolve(PYTORCH_SINGLE_FILE));
        };
    }

    /** The model's name for provenance: the folder's name (e.g. {@code Taiyi-LLM}). */
    public String modelId() {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }
}
