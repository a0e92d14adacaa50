package taiyi.workbench.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code taiyi bench NAME}: the benchmarks, each printing figures and ratios (never pass/fail). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {FormatsBenchmark.class, StoreBenchmark.class, IndexBenchmark.class, DecoderBenchmarkCommand.class,
                TokenizerBenchmarkCommand.class, LearnerBenchmark.class, ExportBenchmark.class, ServeBenchmarkCommand.class,
                TrainBenchmarkCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing benchmark name: try 'taiyi bench --help'");
    }
}
