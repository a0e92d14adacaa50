package taiyi.workbench.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.bench.qwen.TrainBenchmark;

/**
 * {@code taiyi bench train}: LoRA training tokens/s of the Java trainer (float32 and QLoRA) against
 * the plain-torch reference on the same random checkpoint and CPU, in one run (goal at least 0.8x),
 * and the peak resident memory of QLoRA against float32 (goal at most 40 %).
 */
@Command(name = "train", description = "LoRA training tokens/s vs the Python reference, and QLoRA's peak memory vs float32.")
final class TrainBenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--size", defaultValue = "medium", description = "tiny or medium (default medium: 8 layers, hidden 1024, vocab 151936).")
    String size;

    @Option(names = "--batch", defaultValue = "2", description = "Rows per step (default 2).")
    int batch;

    @Option(names = "--length", defaultValue = "64", description = "Tokens per row (default 64; the second half carries the loss).")
    int length;

    @Option(names = "--rank", defaultValue = "64", description = "LoRA rank (default 64, the paper's).")
    int rank;

    @Option(names = "--steps", defaultValue = "3", description = "Timed steps, median kept (default 3).")
    int steps;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed steps first (default 1).")
    int warmup;

    @Option(names = "--threads", defaultValue = "0", description = "Intra-op threads on both sides (default 0: the core count).")
    int threads;

    @Option(names = "--reference", paramLabel = "SCRIPT", defaultValue = "releng/python/lora_reference.py",
            description = "The Python reference (default releng/python/lora_reference.py; none: Java figures only).")
    Path script;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Interpreter with torch (default /usr/bin/python3).")
    String python;

    @Override
    public Integer call() throws Exception {
        TrainBenchmark.run(spec.commandLine().getOut(), new TrainBenchmark.Settings(size, batch, length, rank, steps, warmup, threads,
                Files.isRegularFile(script) ? script : null, python));
        return 0;
    }
}
