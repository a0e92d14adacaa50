package taiyi.workbench.inference.djl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.inference.GeneratedToken;
import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.GenerationListener;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.ModelDescription;
import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.PromptTemplate;
import taiyi.workbench.inference.GeneratorSettings;
import taiyi.workbench.inference.TextGenerator;
import taiyi.workbench.inference.djl.qwen.DecodeResult;
import taiyi.workbench.inference.djl.qwen.GreedyDecoder;
import taiyi.workbench.inference.djl.qwen.QwenModel;
import taiyi.workbench.inference.djl.qwen.TokenStepListener;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.djl.tokenizer.TokenTextDecoder;
import taiyi.workbench.inference.djl.weights.LoraAdapter;
import taiyi.workbench.inference.djl.weights.WeightSource;
import taiyi.workbench.inference.prompt.PromptTemplates;

/**
 * A Qwen v1 model (Taiyi 1) answering prompts in this process on the DJL PyTorch engine: the
 * prompt's pieces become token ids (control tokens by name, text as ordinary text), the greedy
 * decoder answers a batch at a time, and each generated token is turned back into the characters
 * it completed so parsers can score what they extract.
 */
public final class QwenTextGenerator implements TextGenerator {

    /** Models up to this many float32 bytes stay in float32 on a CPU under {@link GeneratorSettings.Precision#AUTO}. */
    private static final long FLOAT32_CPU_LIMIT = 4L << 30;

    private final QwenModel model;
    private final QwenTokenizer tokenizer;
    private final PromptTemplate template;
    private final ModelDescription description;
    private final GreedyDecoder decoder;

    private QwenTextGenerator(QwenModel model, QwenTokenizer tokenizer, PromptTemplate template, ModelDescription description) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.template = template;
        this.description = description;
        this.decoder = new GreedyDecoder(model);
    }

    /**
     * Loads a model folder (and adapter) as the settings say. Starts the engine offline first.
     *
     * @throws IOException naming the folder or file that is missing or malformed
     */
    public static QwenTextGenerator open(GeneratorSettings settings) throws IOException {
        PromptTemplate template = PromptTemplates.byId(settings.templateId());
        QwenModelFolder folder = QwenModelFolder.inspect(settings.modelFolder());
        QwenTokenizer tokenizer = QwenTokenizer.load(folder.vocabulary());
        // every file is read and checked (weights mapped, shards and adapter matched) before the
        // engine starts and memory is spent on the model
        try (WeightSource weights = folder.openWeights();
                LoraAdapter adapter = settings.adapter().isPresent() ? LoraAdapter.open(settings.adapter().get()) : null) {
            if (tokenizer.vocabularySize() > folder.config().vocabSize()) {
                throw new IOException(folder.vocabulary() + ": " + tokenizer.vocabularySize() + " tokens, but the model's "
                        + "vocab_size is " + folder.config().vocabSize());
            }
            PyTorchEngineLoader.load(WorkbenchDataFolder.resolve().engineCache());
            Device device = device(settings.device());
            DataType dataType = dataType(settings.precision(), device, folder.config().parameterCount());
            QwenModel model = QwenModel.load(weights, folder.config(), adapter, dataType, device);
            String adapterId = settings.adapter().map(QwenTextGenerator::folderName).orElse("");
            return new QwenTextGenerator(model, tokenizer, template, new ModelDescription(folder.modelId(), adapterId,
                    (device.isGpu() ? "gpu" + device.getDeviceId() : "cpu") + " "
                            + dataType.toString().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private static Device device(GeneratorSettings.DeviceChoice choice) throws IOException {
        Device preferred = QwenModel.preferredDevice();
        return switch (choice) {
            case AUTO -> preferred;
            case CPU -> Device.cpu();
            case GPU -> {
                if (!preferred.isGpu()) {
                    throw new IOException("GPU asked for, but DJL's PyTorch engine sees none: point it at a CUDA libtorch "
                            + "(PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, PYTORCH_FLAVOR; see the README) or choose the CPU");
                }
                yield preferred;
            }
        };
    }

    private static DataType dataType(GeneratorSettings.Precision precision, Device device, long parameters) {
        return switch (precision) {
            case FLOAT32 -> DataType.FLOAT32;
            case FLOAT16 -> DataType.FLOAT16;
            case AUTO -> device.isGpu() || parameters * 4 > FLOAT32_CPU_LIMIT ? DataType.FLOAT16 : DataType.FLOAT32;
        };
    }

    private static String folderName(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }

    @Override
    public ModelDescription description() {
        return description;
    }

    @Override
    public PromptTemplate template() {
        return template;
    }

    /** The tokenizer, e.g. to count a prompt's tokens. */
    public QwenTokenizer tokenizer() {
        return tokenizer;
    }

    /** The loaded model, e.g. for {@code taiyi serve}'s continuous batching. */
    public QwenModel model() {
        return model;
    }

    @Override
    public List<Generation> generate(List<Prompt> prompts, GenerationOptions options, GenerationListener listener,
            BooleanSupplier cancelled) {
        List<Generation> out = new ArrayList<>(prompts.size());
        for (int from = 0; from < prompts.size(); from += options.batchSize()) {
            List<Prompt> batch = prompts.subList(from, Math.min(prompts.size(), from + options.batchSize()));
            if (cancelled.getAsBoolean()) {
                batch.forEach(p -> out.add(new Generation("", List.of(), Generation.StopReason.CANCELLED)));
                continue;
            }
            out.addAll(generateBatch(batch, from, options.maxNewTokens(), listener, cancelled));
        }
        return out;
    }

    private List<Generation> generateBatch(List<Prompt> batch, int firstIndex, int maxNewTokens, GenerationListener listener,
            BooleanSupplier cancelled) {
        List<int[]> ids = new ArrayList<>(batch.size());
        Set<Integer> stopIds = new HashSet<>();
        for (Prompt p : batch) {
            ids.add(tokenizer.encode(p.pieces()));
            p.stopTokens().forEach(name -> stopIds.add(tokenizer.specialId(name)));
        }
        // one stop set for the batch: prompts of one template share their stop tokens
        List<TokenTextDecoder> texts = new ArrayList<>(batch.size());
        List<List<GeneratedToken>> tokens = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            texts.add(tokenizer.newTextDecoder());
            tokens.add(new ArrayList<>());
        }
        DecodeResult result = decoder.decode(ids, maxNewTokens, stopIds, new TokenStepListener() {
            @Override
            public void tokenChosen(int row, int tokenId, float logProbability) {
                add(row, tokenId, logProbability, GeneratedToken.NO_RUNNER_UP, Double.NaN);
            }

            @Override
            public void tokenChosen(int row, int tokenId, float logProbability, int runnerUpId, float runnerUpLogProbability) {
                // on a tie float rounding may put the runner-up a hair above the choice
                add(row, tokenId, logProbability, runnerUpId, Math.min(runnerUpLogProbability, logProbability));
            }

            private void add(int row, int tokenId, double logProbability, int runnerUpId, double runnerUpLogProbability) {
                TokenTextDecoder.Span span = texts.get(row).accept(tokenId);
                GeneratedToken token = new GeneratedToken(tokenId, logProbability, span.start(), span.end(), runnerUpId,
                        runnerUpLogProbability);
                tokens.get(row).add(token);
                listener.onToken(firstIndex + row, token, texts.get(row).text());
            }
        }, cancelled);
        List<Generation> out = new ArrayList<>(batch.size());
        for (int row = 0; row < batch.size(); row++) {
            TokenTextDecoder text = texts.get(row);
            List<GeneratedToken> rowTokens = tokens.get(row);
            TokenTextDecoder.Span tail = text.finish();
            if (!tail.isEmpty() && !rowTokens.isEmpty()) {
                // bytes of a cut character became U+FFFD: they belong to the last token
                GeneratedToken last = rowTokens.remove(rowTokens.size() - 1);
                rowTokens.add(last.covering(Math.min(last.start(), tail.start()), tail.end()));
            }
            out.add(new Generation(text.text(), rowTokens, result.rows().get(row).stopReason()));
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
