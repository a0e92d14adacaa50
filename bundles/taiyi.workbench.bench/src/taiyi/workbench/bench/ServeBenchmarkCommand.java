package taiyi.workbench.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import taiyi.workbench.bench.qwen.RandomQwenCheckpoint;
import taiyi.workbench.inference.GeneratorSettings;
import taiyi.workbench.inference.djl.QwenTextGenerator;
import taiyi.workbench.inference.djl.qwen.GreedyDecoder;
import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.inference.djl.qwen.TokenStepListener;
import taiyi.workbench.inference.djl.serve.OpenAiServer;
import taiyi.workbench.inference.djl.serve.ServeSettings;
import taiyi.workbench.inference.djl.weights.TensorType;

/**
 * {@code taiyi bench serve}: tokens/s that clients get from {@code taiyi serve} (HTTP, JSON, the
 * continuous batch) with 1, 8 and 32 of them at once, against the in-process batch decoder
 * answering the same number of prompts as one batch, on the decoder benchmark's random medium
 * checkpoint (412 M parameters, float32, CPU). Goal: at least 0.8x of in process at 8 clients.
 */
@Command(name = "serve", description = "tokens/s of taiyi serve with 1, 8, 32 clients vs the in-process batch decoder (medium model).")
final class ServeBenchmarkCommand implements Callable<Integer> {

    /** The decoder benchmark's medium size: 8 layers, hidden 1024, the real vocabulary's 151,936 ids. */
    private static final QwenConfig MEDIUM = new QwenConfig(1024, 16, 8, 5504, 151936, 1e-6, 10000, 64, 2048, 1.0);
    private static final QwenConfig TINY = new QwenConfig(64, 4, 2, 128, 151936, 1e-6, 10000, 16, 2048, 1.0);

    @Spec
    CommandSpec spec;

    @Option(names = "--vocabulary", required = true, paramLabel = "FILE",
            description = "qwen.tiktoken (or .gz) for the answers' text, e.g. bundles/taiyi.workbench.inference.djl.tests/fixtures/tokenizer/qwen.tiktoken.gz.")
    Path vocabulary;

    @Option(names = "--size", defaultValue = "medium", description = "medium (412 M parameters) or tiny (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--clients", split = ",", defaultValue = "1,8,32", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int[] clients;

    @Option(names = "--requests", defaultValue = "2", description = "Requests per client (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--prompt", defaultValue = "32", description = "Prompt length in tokens (default ${DEFAULT-VALUE}).")
    int promptLength;

    @Option(names = "--new", defaultValue = "16", description = "New tokens per answer (default ${DEFAULT-VALUE}).")
    int newTokens;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        QwenConfig config = switch (size) {
            case "medium" -> MEDIUM;
            case "tiny" -> TINY;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown --size " + size + " (medium, tiny)");
        };
        Path work = Files.createTempDirectory("taiyi-bench-serve");
        try {
            Path folder = work.resolve(size);
            RandomQwenCheckpoint.writeModel(folder, config, 20261204L, TensorType.F32, 1);
            // a model folder holds the plain file
            boolean gz = vocabulary.getFileName().toString().endsWith(".gz");
            try (InputStream raw = Files.newInputStream(vocabulary);
                    InputStream in = gz ? new java.util.zip.GZIPInputStream(raw) : raw;
                    OutputStream o = Files.newOutputStream(folder.resolve("qwen.tiktoken"))) {
                in.transferTo(o);
            }
            try (QwenTextGenerator generator = QwenTextGenerator.open(new GeneratorSettings(folder, null,
                    GeneratorSettings.DeviceChoice.CPU, GeneratorSettings.Precision.FLOAT32, GeneratorSettings.DEFAULT_TEMPLATE))) {
                int maxClients = java.util.Arrays.stream(clients).max().orElse(1);
                out.printf("%s model, %.0f M parameters, float32 on %s; prompts of %d tokens, %d new tokens, %d requests per client%n",
                        size, config.parameterCount() / 1e6, generator.description().device(), promptLength, newTokens, requests);
                try (OpenAiServer server = OpenAiServer.start(new ServeSettings("127.0.0.1", 0, "bench", null, maxClients),
                        generator.model(), generator.tokenizer())) {
                    out.printf("%8s %14s %14s %7s %12s %12s%n", "clients", "in-process", "served", "ratio", "p50 ms", "p95 ms");
                    for (int c : clients) {
                        double local = inProcess(generator, c, config.vocabSize());
                        Served served = serve(server.baseUrl(), c, config.vocabSize());
                        out.printf("%8d %10.1f t/s %10.1f t/s %6.2fx %12.0f %12.0f%n", c, local, served.tokensPerSecond,
                                served.tokensPerSecond / local, served.p50Ms, served.p95Ms);
                        out.flush();
                    }
                }
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private List<int[]> prompts(int count, int vocab, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // ordinary tokens only: control ids would end an answer early
            out.add(random.ints(promptLength, 0, 151_643).toArray());
        }
        return out;
    }

    /** Tokens/s of one left-padded batch of {@code batch} prompts, best of a warm-up and {@link #requests} runs. */
    private double inProcess(QwenTextGenerator generator, int batch, int vocab) {
        GreedyDecoder decoder = new GreedyDecoder(generator.model());
        double best = 0;
        for (int r = 0; r <= requests; r++) {
            List<int[]> prompts = prompts(batch, vocab, r);
            long t0 = System.nanoTime();
            int tokens = decoder.decode(prompts, newTokens, Set.of(), TokenStepListener.NONE, () -> false).generatedTokens();
            double perSecond = tokens / ((System.nanoTime() - t0) / 1e9);
            if (r > 0) {
                best = Math.max(best, perSecond);
            }
        }
        return best;
    }

    private record Served(double tokensPerSecond, double p50Ms, double p95Ms) {
    }

    /** {@code clients} threads, each sending {@link #requests} completions one after the other. */
    private Served serve(String baseUrl, int clients, int vocab) throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // a warm-up request
        send(http, json, baseUrl, prompts(1, vocab, 99).get(0));
        AtomicLong tokens = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<int[]> mine = prompts(requests, vocab, 1000 + c);
            done.add(pool.submit(() -> {
                for (int[] p : mine) {
                    long s = System.nanoTime();
                    tokens.addAndGet(send(http, json, baseUrl, p));
                    latencies.add(System.nanoTime() - s);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Served(tokens.get() / seconds, percentile(sorted, 0.5) / 1e6, percentile(sorted, 0.95) / 1e6);
    }

    private int send(HttpClient http, ObjectMapper json, String baseUrl, int[] prompt) throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "bench").put("max_tokens", newTokens);
        var ids = body.putArray("prompt");
        for (int id : prompt) {
            ids.add(id);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        JsonNode answer = json.readTree(response.body());
        return answer.path("usage").path("completion_tokens").asInt();
    }

    private static double percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
