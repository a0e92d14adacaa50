package taiyi.workbench.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import ai.djl.ndarray.types.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.bench.qwen.DecoderBenchmark;

/**
 * {@code taiyi bench decoder}: tokens/s of the Java Qwen decoder against the plain-torch reference
 * (Debian's python3-torch) on the same random checkpoints in one run, tiny and medium size, batch 1
 * and 8; the ratio Java/Python is the figure to watch (goal at least 0.9 at medium size).
 */
@Command(name = "decoder", description = "Greedy decoding tokens/s of the Java Qwen decoder vs the Python reference, same CPU, same run.")
final class DecoderBenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", defaultValue = "tiny,medium",
            description = "tiny (2 layers, hidden 64, vocab 1000) and/or medium (8 layers, hidden 1024, vocab 151936).")
    List<String> sizes;

    @Option(names = "--precision", split = ",", defaultValue = "float32,float16", description = "float32 and/or float16.")
    List<String> precisions;

    @Option(names = "--batches", split = ",", defaultValue = "1,8", description = "Batch sizes (default 1,8).")
    int[] batches;

    @Option(names = "--prompt", defaultValue = "32", description = "Prompt length in tokens (default 32).")
    int prompt;

    @Option(names = "--new", defaultValue = "16", description = "New tokens per row (default 16).")
    int newTokens;

    @Option(names = "--repeats", defaultValue = "2", description = "Timed repetitions, best kept (default 2).")
    int repeats;

    @Option(names = "--threads", defaultValue = "0", description = "Intra-op threads on both sides (default 0: the core count).")
    int threads;

    @Option(names = "--reference", paramLabel = "SCRIPT", defaultValue = "releng/python/qwen_reference.py",
            description = "The Python reference (default releng/python/qwen_reference.py; none: Java figures only).")
    Path script;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Interpreter with torch (default /usr/bin/python3).")
    String python;

    @Override
    public Integer call() throws Exception {
        List<DataType> types = precisions.stream().map(p -> switch (p.toLowerCase(java.util.Locale.ROOT)) {
            case "float32", "f32" -> DataType.FLOAT32;
            case "float16", "f16" -> DataType.FLOAT16;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--precision': '" + p + "' (expected float32 or float16)");
        }).toList();
        DecoderBenchmark.run(spec.commandLine().getOut(), new DecoderBenchmark.Settings(sizes, types, batches, prompt, newTokens, repeats,
                java.nio.file.Files.isRegularFile(script) ? script : null, python, null, threads));
        return 0;
    }
}
