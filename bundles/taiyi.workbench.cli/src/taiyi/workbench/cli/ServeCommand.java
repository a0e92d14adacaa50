package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import taiyi.workbench.inference.GeneratorSettings;
import taiyi.workbench.inference.djl.QwenTextGenerator;
import taiyi.workbench.inference.djl.serve.OpenAiServer;
import taiyi.workbench.inference.djl.serve.ServeSettings;
import taiyi.workbench.inference.remote.ApiKey;

/**
 * {@code taiyi serve}: loads a model (and adapter) as {@code preannotate} does and serves it behind
 * the OpenAI-compatible API until the process is stopped.
 */
@Command(name = "serve", description = "Serve a model behind an OpenAI-compatible API (completions, chat, streaming, logprobs).")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model folder, as for preannotate.")
    Path model;

    @Option(names = "--adapter", paramLabel = "DIR", description = "A LoRA adapter folder (peft) merged into the model at load.")
    Path adapter;

    @Option(names = "--host", description = "Address to bind (default ${DEFAULT-VALUE}; any other needs --api-key-env).")
    String host = ServeSettings.DEFAULT_HOST;

    @Option(names = "--port", description = "Port (default ${DEFAULT-VALUE}; 0 for any free one).")
    int port = ServeSettings.DEFAULT_PORT;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable holding the key clients must present.")
    String apiKeyEnv;

    @Option(names = "--model-name", paramLabel = "NAME", description = "The name clients ask for (default: the model folder's name).")
    String modelName;

    @Option(names = "--max-batch", paramLabel = "N", description = "Requests decoded side by side (default ${DEFAULT-VALUE}).")
    int maxBatch = ServeSettings.DEFAULT_MAX_ROWS;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default auto).")
    String device;

    @Option(names = "--precision", defaultValue = "auto", description = "auto, float32 or float16 (default auto).")
    String precision;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ApiKey key;
        GeneratorSettings settings;
        try {
            key = ApiKey.optionalFromEnvironment(apiKeyEnv).orElse(null);
            settings = new GeneratorSettings(model, adapter, GeneratorSettings.DeviceChoice.parse(device),
                    GeneratorSettings.Precision.parse(precision), GeneratorSettings.DEFAULT_TEMPLATE);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String name = modelName != null ? modelName : model.toAbsolutePath().normalize().getFileName().toString();
        ServeSettings serve;
        try {
            serve = new ServeSettings(host, port, name, key, maxBatch);
            // a refused address is refused before the model is loaded
            serve.checkAddress();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (QwenTextGenerator generator = QwenTextGenerator.open(settings)) {
            CountDownLatch stopped = new CountDownLatch(1);
            try (OpenAiServer server = OpenAiServer.start(serve, generator.model(), generator.tokenizer())) {
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
                out.printf("taiyi serve: %s on %s at %s (%s, up to %d requests side by side%s)%n", name, generator.description().device(),
                        server.baseUrl(), generator.description().adapterId().isEmpty() ? "no adapter"
                                : "adapter " + generator.description().adapterId(), maxBatch,
                        key == null ? "" : ", API key from " + key.source());
                out.flush();
                stopped.await();
            }
        }
        return 0;
    }
}
