package taiyi.workbench.inference.djl.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import taiyi.workbench.bench.qwen.RandomQwenCheckpoint;
import taiyi.workbench.inference.GenerationListener;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.GeneratorSettings;
import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.djl.QwenTextGenerator;
import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.inference.djl.weights.TensorType;
import taiyi.workbench.inference.remote.ApiKey;
import taiyi.workbench.inference.remote.OpenAiEndpoint;
import taiyi.workbench.inference.remote.OpenAiTextGenerator;

/**
 * A tiny random Qwen (the real vocabulary, so answers hold CJK characters cut across tokens) loaded
 * in process and served by {@code taiyi serve}'s server on a free loopback port.
 */
final class TinyServedModel implements AutoCloseable {

    static final String NAME = "tiny-qwen";

    final Path folder;
    final QwenTextGenerator inProcess;
    final OpenAiServer server;

    private TinyServedModel(Path folder, QwenTextGenerator inProcess, OpenAiServer server) {
        this.folder = folder;
        this.inProcess = inProcess;
        this.server = server;
    }

    static TinyServedModel start(Path dir, int maxRows, ApiKey key) throws IOException {
        Path folder = writeModel(dir);
        QwenTextGenerator generator = QwenTextGenerator.open(new GeneratorSettings(folder, null, GeneratorSettings.DeviceChoice.CPU,
                GeneratorSettings.Precision.FLOAT32, GeneratorSettings.DEFAULT_TEMPLATE));
        try {
            return new TinyServedModel(folder, generator, OpenAiServer.start(new ServeSettings("127.0.0.1", 0, NAME, key, maxRows),
                    generator.model(), generator.tokenizer()));
        } catch (IOException | RuntimeException e) {
            generator.close();
            throw e;
        }
    }

    static Path writeModel(Path dir) throws IOException {
        Path model = dir.resolve(NAME);
        if (Files.isDirectory(model)) {
            return model;
        }
        RandomQwenCheckpoint.writeModel(model, new QwenConfig(64, 4, 2, 128, 151_936, 1e-6, 10_000, 16, 2048, 1.0), 7,
                TensorType.F32, 1);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(System.getProperty("taiyi.djl.fixtures"),
                "tokenizer/qwen.tiktoken.gz"))); OutputStream out = Files.newOutputStream(model.resolve("qwen.tiktoken"))) {
            in.transferTo(out);
        }
        return model;
    }

    OpenAiEndpoint endpoint(OpenAiEndpoint.Api api) {
        return OpenAiEndpoint.of(server.baseUrl(), NAME, api, null);
    }

    OpenAiTextGenerator client(OpenAiEndpoint.Api api, String template) {
        return OpenAiTextGenerator.connect(endpoint(api), template, w -> {
            throw new AssertionError("unexpected warning: " + w);
        });
    }

    /** Each prompt answered alone, in process. */
    List<Generation> alone(List<Prompt> prompts, int maxNewTokens) {
        return inProcess.generate(prompts, new GenerationOptions(maxNewTokens, 1), GenerationListener.NONE, () -> false);
    }

    @Override
    public void close() {
        server.close();
        inProcess.close();
    }
}
