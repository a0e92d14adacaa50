package taiyi.workbench.bench.qwen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import taiyi.workbench.core.runtime.FileTree;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.inference.djl.EngineInfo;
import taiyi.workbench.inference.djl.PyTorchEngineLoader;
import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.inference.djl.train.AdamW;
import taiyi.workbench.inference.djl.train.LoraQwen;
import taiyi.workbench.inference.djl.train.LoraSettings;
import taiyi.workbench.inference.djl.train.TrainingBatch;
import taiyi.workbench.inference.djl.train.TrainingExample;
import taiyi.workbench.inference.djl.weights.SafetensorsFolder;
import taiyi.workbench.inference.djl.weights.TensorType;
import taiyi.workbench.inference.djl.weights.WeightSource;

/**
 * Training speed and memory of the LoRA trainer: one optimiser step (forward, backward with
 * per-block recomputation, clipping, AdamW) on a random checkpoint, in float32 and with the base
 * in NF4, against the same step of {@code releng/python/lora_reference.py bench --checkpoint}
 * (eager torch, the same per-block recomputation) on the same CPU, in one run.
 *
 * <p>Memory is the process's resident set as Linux counts it ({@code VmHWM} of
 * {@code /proc/self/status}, reset through {@code /proc/self/clear_refs} before each phase): the
 * peak during the timed steps above the resident set just before the model was loaded. It counts
 * the engine's native allocations and the JVM alike; the base's own bytes in engine memory are
 * printed beside it.
 */
public final class TrainBenchmark {

    /**
     * @param size tiny or medium (the decoder benchmark's models)
     * @param referenceScript the Python reference, or null for Java figures only
     */
    public record Settings(String size, int batch, int length, int rank, int steps, int warmup, int threads, Path referenceScript,
            String python) {
    }

    private record Phase(String mode, double stepSeconds, double tokensPerSecond, long frozenBytes, long parameters, long loadPeak,
            long trainPeak, double firstLoss, double lastLoss, long before) {
    }

    private TrainBenchmark() {
    }

    public static void run(PrintWriter out, Settings s) throws IOException {
        EngineInfo engine = PyTorchEngineLoader.load(WorkbenchDataFolder.resolve().engineCache());
        if (s.threads() > 0) {
            JniUtils.setNumThreads(s.threads());
        }
        int threads = JniUtils.getNumThreads();
        QwenConfig config = switch (s.size()) {
            case "tiny" -> DecoderBenchmark.TINY;
            case "medium" -> DecoderBenchmark.MEDIUM;
            default -> throw new IllegalArgumentException("unknown model size " + s.size() + " (tiny, medium)");
        };
        out.printf("engine %s %s, %d intra-op threads, %d cores; %s model (%,d parameters), batch %d x %d tokens, LoRA r %d on %s%n",
                engine.name(), engine.version(), threads, Runtime.getRuntime().availableProcessors(), s.size(),
                config.parameterCount(), s.batch(), s.length(), s.rank(), LoraSettings.QWEN_MODULES);
        out.flush();
        Path work = Files.createTempDirectory("taiyi-bench-train");
        try {
            Path folder = work.resolve(s.size());
            long t0 = System.nanoTime();
            RandomQwenCheckpoint.writeModel(folder, config, 20261126, TensorType.F32, 1);
            out.printf("random checkpoint written in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            List<TrainingExample> examples = examples(s.batch(), s.length(), config.vocabSize());
            List<Phase> phases = new ArrayList<>();
            for (boolean nf4 : new boolean[] {false, true}) {
                phases.add(measure(out, folder, config, s, examples, nf4));
            }
            JsonNode python = null;
            if (s.referenceScript() != null && Files.isRegularFile(Path.of(s.python()))) {
                python = measurePython(out, folder, s, threads);
            } else {
                out.println("no Python reference (script or " + s.python() + " missing); Java figures only");
            }
            out.println();
            Phase f32 = phases.get(0);
            Phase q = phases.get(1);
            for (Phase p : phases) {
                out.printf("java %-7s step %.3f s, %.1f tokens/s, base %.3f bytes/parameter (%,d bytes), peak RSS +%,d MB in "
                        + "training (+%,d MB while loading; %,d MB resident before loading), loss %.4f -> %.4f%n", p.mode(),
                        p.stepSeconds(), p.tokensPerSecond(), (double) p.frozenBytes() / p.parameters(), p.frozenBytes(),
                        p.trainPeak() >> 20, p.loadPeak() >> 20, p.before() >> 20, p.firstLoss(), p.lastLoss());
            }
            if (python != null) {
                double py = python.get("tokens_per_s").asDouble();
                out.printf("python float32 step %.3f s, %.1f tokens/s (torch %s, %d threads)%n", python.get("step_s").asDouble(), py,
                        python.get("torch").asText(), python.get("threads").asInt());
                out.printf("java/python tokens/s: float32 %.2fx, qlora %.2fx (goal >= 0.8x)%n", f32.tokensPerSecond() / py,
                        q.tokensPerSecond() / py);
            }
            out.printf("qlora/float32 peak RSS in training: %.0f %% (goal <= 40 %%); base bytes: %.0f %%%n",
                    100.0 * q.trainPeak() / f32.trainPeak(), 100.0 * q.frozenBytes() / f32.frozenBytes());
        } finally {
            FileTree.delete(work);
        }
    }

    /** The Python reference's bench examples: row r is {@code (7 + 13 i + 101 r) mod V}, its second half the answer. */
    static List<TrainingExample> examples(int rows, int length, int vocab) {
        List<TrainingExample> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int[] ids = new int[length];
            for (int i = 0; i < length; i++) {
                ids[i] = (7 + 13 * i + 101 * r) % vocab;
            }
            out.add(TrainingExample.withPrompt(ids, length / 2));
        }
        return out;
    }

    private static Phase measure(PrintWriter out, Path folder, QwenConfig config, Settings s, List<TrainingExample> examples,
            boolean nf4) throws IOException {
        String mode = nf4 ? "qlora" : "float32";
        System.gc();
        resetPeak();
        long before = status("VmRSS");
        long t0 = System.nanoTime();
        LoraQwen loaded;
        // the mapped checkpoint is closed before training: its touched pages would count in the resident set
        try (WeightSource source = SafetensorsFolder.open(folder)) {
            loaded = LoraQwen.load(source, config, new LoraSettings(s.rank(), 2.0 * s.rank(), 0.0, LoraSettings.QWEN_MODULES), nf4,
                    null, 1, Device.cpu());
        }
        try (LoraQwen model = loaded) {
            long loadPeak = status("VmHWM") - before;
            out.printf("java %s: loaded in %.1f s%n", mode, (System.nanoTime() - t0) / 1e9);
            System.gc();
            resetPeak();
            AdamW adam = new AdamW(model, 0.0);
            TrainingBatch batch = TrainingBatch.of(examples);
            double[] seconds = new double[s.steps()];
            double first = Double.NaN;
            double last = Double.NaN;
            for (int i = 0; i < s.warmup() + s.steps(); i++) {
                long start = System.nanoTime();
                last = model.accumulate(batch, 1.0, i);
                adam.step(1e-4, 0.3);
                model.zeroGradients();
                if (i >= s.warmup()) {
                    seconds[i - s.warmup()] = (System.nanoTime() - start) / 1e9;
                }
                if (i == 0) {
                    first = last;
                }
                out.printf("java %s step %d: loss %.4f, %.3f s%n", mode, i + 1, last, (System.nanoTime() - start) / 1e9);
                out.flush();
            }
            long trainPeak = status("VmHWM") - before;
            Arrays.sort(seconds);
            double median = seconds[seconds.length / 2];
            return new Phase(mode, median, batch.tokens() / median, model.frozenBytes(), model.frozenParameters(), loadPeak,
                    trainPeak, first, last, before);
        }
    }

    private static JsonNode measurePython(PrintWriter out, Path folder, Settings s, int threads) throws IOException {
        List<String> command = List.of(s.python(), s.referenceScript().toString(), "bench", "--model", folder.toString(), "--batch",
                Integer.toString(s.batch()), "--length", Integer.toString(s.length()), "--rank", Integer.toString(s.rank()),
                "--steps", Integer.toString(s.steps()), "--warmup", Integer.toString(s.warmup()), "--threads",
                Integer.toString(threads), "--checkpoint");
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        JsonNode result = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("{")) {
                    result = new ObjectMapper().readTree(line);
                } else {
                    out.println("python: " + line);
                }
            }
        }
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroy();
                out.println("python reference failed; Java figures only");
                return null;
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
        return result;
    }

    /** Resets the peak resident set ({@code VmHWM}); Linux since 4.0. */
    private static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException e) {
            // not Linux, or not allowed: the peak then covers the whole process
        }
    }

    /** A {@code kB} field of {@code /proc/self/status}, in bytes (0 where there is none). */
    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return 0;
    }
}
