package taiyi.workbench.bench.qwen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import taiyi.workbench.core.runtime.FileTree;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.inference.djl.EngineInfo;
import taiyi.workbench.inference.djl.PyTorchEngineLoader;
import taiyi.workbench.inference.djl.qwen.DecodeResult;
import taiyi.workbench.inference.djl.qwen.GreedyDecoder;
import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.inference.djl.qwen.QwenModel;
import taiyi.workbench.inference.djl.qwen.TokenStepListener;
import taiyi.workbench.inference.djl.weights.SafetensorsFolder;
import taiyi.workbench.inference.djl.weights.TensorType;
import taiyi.workbench.inference.djl.weights.WeightSource;

/**
 * {@code taiyi bench decoder}: greedy decoding speed of the Java decoder on random Qwen v1 models,
 * a tiny one (where DJL's per-op cost dominates) and a medium one (where the matrix products do),
 * against the plain-torch reference run on the same files in the same run, with the ratio
 * Java/Python. Prefill (the prompt plus the first token) is timed apart from the decode steps; both are
 * medians over the timed runs, since on a shared machine a best-of or mean mostly measures the neighbours.
 * Also prints the memory-bandwidth bound of a batch-1 step: the bytes of weights a token reads
 * over the device's copy bandwidth, measured here.
 */
public final class DecoderBenchmark {

    static final QwenConfig TINY = new QwenConfig(64, 4, 2, 256, 1000, 1e-6, 10000, 16, 256, 1.0);
    static final QwenConfig MEDIUM = new QwenConfig(1024, 16, 8, 5504, 151936, 1e-6, 10000, 64, 2048, 1.0);
    private static final long SEED = 4242;

    /**
     * What to run.
     *
     * @param sizes {@code tiny}, {@code medium}
     * @param types FLOAT32 and/or FLOAT16
     * @param batches batch sizes
     * @param promptLength tokens per prompt
     * @param newTokens tokens generated per row
     * @param repeats timed runs per case, after one warm-up; the median step (and prefill) over all of them is reported
     * @param referenceScript {@code qwen_reference.py}, or null to skip the Python side
     * @param python the interpreter with torch (Debian's {@code /usr/bin/python3})
     * @param workDir where the random models are written (a temporary folder is used and deleted when null)
     * @param threads intra-op threads for both sides; 0 keeps DJL's own choice (the core count, or
     *        {@code -Dai.djl.pytorch.num_threads})
     */
    public record Settings(List<String> sizes, List<DataType> types, int[] batches, int promptLength, int newTokens, int repeats,
            Path referenceScript, String python, Path workDir, int threads) {

        public static Settings defaults() {
            Path script = Path.of(System.getProperty("taiyi.reference.script", "releng/python/qwen_reference.py"));
            return new Settings(List.of("tiny", "medium"), List.of(DataType.FLOAT32, DataType.FLOAT16), new int[] {1, 8}, 32, 16, 2,
                    Files.isRegularFile(script) ? script : null, "/usr/bin/python3", null, 0);
        }
    }

    /** One measured case. */
    public record Measurement(String size, String side, DataType type, int batch, double prefillMs, double decodeMsPerStep,
            double tokensPerSecond, int[][] tokens) {
    }

    private DecoderBenchmark() {
    }

    /** Runs the benchmark, printing progress and the table to {@code out}; returns every measurement. */
    public static List<Measurement> run(PrintWriter out, Settings settings) throws IOException {
        EngineInfo engine = PyTorchEngineLoader.load(WorkbenchDataFolder.resolve().engineCache());
        Device device = QwenModel.preferredDevice();
        if (settings.threads() > 0) {
            JniUtils.setNumThreads(settings.threads());
        }
        int threads = JniUtils.getNumThreads();
        out.printf("engine %s %s (DJL %s), device %s, %d intra-op threads, %d cores, load average %.1f%n", engine.name(),
                engine.version(), engine.djlVersion(), device, threads, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        double bandwidth = readBandwidth(device);
        out.printf("device read bandwidth %.1f GB/s (sum of a 256 MiB float32 array)%n", bandwidth / 1e9);
        boolean python = settings.referenceScript() != null && Files.isRegularFile(Path.of(settings.python()));
        if (!python) {
            out.println("Python reference not run: " + (settings.referenceScript() == null ? "qwen_reference.py not found"
                    : settings.python() + " is missing (install Debian's python3-torch)") + "; Java figures only");
        }
        Path work = settings.workDir() != null ? Files.createDirectories(settings.workDir())
                : Files.createTempDirectory("taiyi-bench-decoder");
        List<Measurement> all = new ArrayList<>();
        try {
            for (String size : settings.sizes()) {
                QwenConfig config = switch (size) {
                    case "tiny" -> TINY;
                    case "medium" -> MEDIUM;
                    default -> throw new IllegalArgumentException("unknown model size " + size + " (tiny, medium)");
                };
                Path folder = work.resolve(size);
                long t0 = System.nanoTime();
                RandomQwenCheckpoint.writeModel(folder, config, SEED, TensorType.F32, 1);
                out.printf("%s: %d layers, hidden %d, vocab %d, %.1f M parameters; wrote f32 safetensors in %.1f s%n", size,
                        config.layers(), config.hiddenSize(), config.vocabSize(), config.parameterCount() / 1e6,
                        (System.nanoTime() - t0) / 1e9);
                for (DataType type : settings.types()) {
                    all.addAll(measureJava(out, size, folder, config, type, device, settings, bandwidth));
                }
                if (python) {
                    all.addAll(measurePython(out, size, folder, settings, threads));
                }
                FileTree.delete(folder);
            }
        } finally {
            if (settings.workDir() == null) {
                FileTree.delete(work);
            }
        }
        printTable(out, all);
        out.printf("load average at the end %.1f (figures from a machine busy with other work vary by 2x and more)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return all;
    }

    private static List<Measurement> measureJava(PrintWriter out, String size, Path folder, QwenConfig config, DataType type,
            Device device, Settings settings, double bandwidth) throws IOException {
        List<Measurement> results = new ArrayList<>();
        long t0 = System.nanoTime();
        try (WeightSource source = SafetensorsFolder.open(folder);
                QwenModel model = QwenModel.load(source, config, null, type, device)) {
            out.printf("%s java %s: loaded in %.2f s%n", size, name(type), (System.nanoTime() - t0) / 1e9);
            GreedyDecoder decoder = new GreedyDecoder(model);
            for (int batch : settings.batches()) {
                List<int[]> prompts = prompts(batch, settings.promptLength(), config.vocabSize());
                decoder.decode(prompts, Math.min(4, settings.newTokens()), Set.of(), TokenStepListener.NONE, () -> false);
                // every step of every timed run counts; the median resists the pauses of a shared machine
                List<Long> steps = new ArrayList<>();
                List<Long> prefills = new ArrayList<>();
                DecodeResult last = null;
                for (int r = 0; r < settings.repeats(); r++) {
                    last = decoder.decode(prompts, settings.newTokens(), Set.of(), TokenStepListener.NONE, () -> false);
                    Arrays.stream(last.stepNanos()).forEach(steps::add);
                    prefills.add(last.prefillNanos());
                }
                int[][] tokens = last.rows().stream().map(DecodeResult.Row::ids).toArray(int[][]::new);
                double msPerStep = median(steps) / 1e6;
                double perSecond = batch * 1000 / msPerStep;
                Measurement m = new Measurement(size, "java", type, batch, median(prefills) / 1e6, msPerStep, perSecond, tokens);
                results.add(m);
                out.printf("%s java %s B=%d: prefill %.1f ms, decode %.2f ms/step, %.1f tok/s%n", size, name(type), batch,
                        m.prefillMs(), msPerStep, perSecond);
                if (batch == 1) {
                    // a batch-1 step reads every weight once, except the embedding (one row per token)
                    double bytes = (double) (config.parameterCount() - (long) config.vocabSize() * config.hiddenSize())
                            * type.getNumOfBytes();
                    double limit = bandwidth / bytes;
                    out.printf("%s java %s B=1: %.0f MB of weights per token -> bandwidth limit %.1f tok/s; measured %.1f = %.0f%%%n",
                            size, name(type), bytes / 1e6, limit, perSecond, 100 * perSecond / limit);
                }
            }
        }
        return results;
    }

    private static List<Measurement> measurePython(PrintWriter out, String size, Path folder, Settings settings, int threads)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(settings.python(), settings.referenceScript().toString(), "bench", "--model",
                folder.toString(), "--prompt", Integer.toString(settings.promptLength()), "--new",
                Integer.toString(settings.newTokens()), "--repeats", Integer.toString(settings.repeats()), "--threads",
                Integer.toString(threads), "--batch"));
        Arrays.stream(settings.batches()).forEach(b -> command.add(Integer.toString(b)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Measurement> results = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("{")) {
                    out.println("python: " + line);
                    continue;
                }
                JsonNode n = json.readTree(line);
                int[][] tokens = new int[n.get("tokens").size()][];
                for (int r = 0; r < tokens.length; r++) {
                    JsonNode row = n.get("tokens").get(r);
                    tokens[r] = new int[row.size()];
                    for (int i = 0; i < tokens[r].length; i++) {
                        tokens[r][i] = row.get(i).asInt();
                    }
                }
                Measurement m = new Measurement(size, "python", DataType.FLOAT32, n.get("batch").asInt(),
                        n.get("prefill_ms").asDouble(), n.get("decode_ms_per_step").asDouble(), n.get("tokens_per_s").asDouble(),
                        tokens);
                results.add(m);
                out.printf("%s python f32 B=%d (%d threads, load %.1f s): prefill %.1f ms, decode %.2f ms/step, %.1f tok/s%n", size,
                        m.batch(), n.get("threads").asInt(), n.get("load_s").asDouble(), m.prefillMs(), m.decodeMsPerStep(),
                        m.tokensPerSecond());
            }
        }
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroy();
                out.println("python reference failed (exit " + (process.isAlive() ? "timeout" : process.exitValue())
                        + "); Java figures only for " + size);
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
        return results;
    }

    private static void printTable(PrintWriter out, List<Measurement> all) {
        out.println();
        out.printf("%-7s %-5s %3s %12s %12s %10s %12s %10s %8s %7s%n", "model", "java", "B", "prefill ms", "decode ms", "tok/s",
                "py prefill", "py tok/s", "java/py", "tokens");
        Map<String, Measurement> pythonByCase = new LinkedHashMap<>();
        for (Measurement m : all) {
            if (m.side().equals("python")) {
                pythonByCase.put(m.size() + "/" + m.batch(), m);
            }
        }
        for (Measurement m : all) {
            if (!m.side().equals("java")) {
                continue;
            }
            Measurement py = pythonByCase.get(m.size() + "/" + m.batch());
            String same = py == null ? "-" : Arrays.deepEquals(py.tokens(), m.tokens()) ? "same" : "differ";
            out.printf("%-7s %-5s %3d %12.1f %12.2f %10.1f %12s %10s %8s %7s%n", m.size(), name(m.type()), m.batch(), m.prefillMs(),
                    m.decodeMsPerStep(), m.tokensPerSecond(), py == null ? "-" : String.format("%.1f", py.prefillMs()),
                    py == null ? "-" : String.format("%.1f", py.tokensPerSecond()),
                    py == null ? "-" : String.format("%.2fx", m.tokensPerSecond() / py.tokensPerSecond()), same);
        }
        out.println("(median of steps; java/py is decode tok/s; python is eager torch in float32, also for the f16 rows, whose greedy"
                + " tokens may differ from it where a random model's top-2 margin is below f16 rounding)");
    }

    private static double median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /**
     * Bytes per second the device reads: the best of five sums over a 256 MiB array. A sum reads
     * each byte once and does almost no arithmetic, as a batch-1 decode step does with its weights
     * (a copy would also count the page faults of its fresh destination).
     */
    static double readBandwidth(Device device) {
        long elements = 64L << 20;
        try (NDManager manager = NDManager.newBaseManager(device, PyTorchEngineLoader.ENGINE_NAME)) {
            NDArray source = manager.ones(new Shape(elements), DataType.FLOAT32);
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                try (NDArray sum = source.sum()) {
                    // reading the result back also waits for an asynchronous (GPU) kernel to finish
                    sum.getFloat();
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
            return elements * 4.0 / (best / 1e9);
        }
    }

    /** The benchmark's prompts; {@code bench_prompts} in the Python reference builds the same. */
    static List<int[]> prompts(int batch, int length, int vocab) {
        List<int[]> prompts = new ArrayList<>();
        for (int r = 0; r < batch; r++) {
            int[] ids = new int[length];
            for (int i = 0; i < length; i++) {
                ids[i] = (7 + 13 * i + 101 * r) % vocab;
            }
            prompts.add(ids);
        }
        return prompts;
    }

    private static String name(DataType type) {
        return type == DataType.FLOAT16 ? "f16" : type == DataType.FLOAT32 ? "f32" : type.toString();
    }
}
