package taiyi.workbench.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.Format;
import taiyi.workbench.formats.FormatException;

/**
 * {@code taiyi bench formats}: how fast the readers turn real files into validated documents, in
 * documents/s and MB/s, against reading the same file's lines with no parsing at all (the ratio
 * says what the parsing and validation cost).
 */
@Command(name = "formats", description = "Reading throughput of the PubTator and BioC XML readers on real files.")
final class FormatsBenchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pubtator", paramLabel = "FILE", description = "PubTator files to read.")
    List<Path> pubtator = new ArrayList<>();

    @Option(names = "--bioc", paramLabel = "FILE", description = "BioC XML files to read.")
    List<Path> bioc = new ArrayList<>();

    @Option(names = "--seconds", defaultValue = "5", description = "Measuring time per file after warm-up (default 5).")
    double seconds;

    @Override
    public Integer call() throws IOException, FormatException {
        PrintWriter out = spec.commandLine().getOut();
        if (pubtator.isEmpty() && bioc.isEmpty()) {
            spec.commandLine().getErr().println("taiyi bench formats: give --pubtator FILE and/or --bioc FILE");
            return 2;
        }
        out.printf("machine: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.arch"));
        out.printf("%-10s %-40s %8s %6s %10s %10s %10s %12s%n", "format", "file", "MB", "docs", "docs/s", "MB/s",
                "lines MB/s", "ratio");
        double worst = Double.MAX_VALUE;
        for (Path f : pubtator) {
            worst = Math.min(worst, measure(out, Format.PUBTATOR, f));
        }
        for (Path f : bioc) {
            worst = Math.min(worst, measure(out, Format.BIOC_XML, f));
        }
        out.printf("taiyi bench formats: slowest reader at %.1f MB/s on %d cores%n", worst,
                Runtime.getRuntime().availableProcessors());
        return 0;
    }

    private double measure(PrintWriter out, Format format, Path file) throws IOException, FormatException {
        double mb = Files.size(file) / 1e6;
        long deadline = System.nanoTime() + (long) (seconds * 0.3e9);
        int docs = 0;
        while (System.nanoTime() < deadline) {
            docs = format.newReader().read(file).size();
        }
        long t0 = System.nanoTime();
        int rounds = 0;
        List<Document> last = List.of();
        do {
            last = format.newReader().read(file);
            rounds++;
        } while (System.nanoTime() - t0 < seconds * 1e9);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double linesSeconds = timeLineRead(file);
        double mbps = mb * rounds / elapsed;
        double linesMbps = mb / linesSeconds;
        out.printf("%-10s %-40s %8.2f %6d %10.0f %10.1f %10.1f %11.3fx%n", format, shorten(file), mb, docs,
                last.size() * rounds / elapsed, mbps, linesMbps, mbps / linesMbps);
        return mbps;
    }

    /** Seconds to read the file's lines once, best of several runs: the floor any reader pays. */
    private static double timeLineRead(Path file) throws IOException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            long chars = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    chars += line.length();
                }
            }
            if (chars < 0) {
                throw new IllegalStateException();
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private static String shorten(Path file) {
        String s = file.getFileName().toString();
        return s.length() > 40 ? s.substring(0, 39) + "…" : s;
    }
}
