package taiyi.workbench.learning.simulation;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import taiyi.workbench.learning.evaluation.LineChart;
import taiyi.workbench.learning.evaluation.LineChartPng;

/**
 * Writes a simulation's figures into a folder: {@code curves.csv} (every point of every seed),
 * {@code summary.csv} (per strategy, tokens and documents to the target and the saving against random,
 * mean and sd) and {@code curves.png} (mean F1 per strategy against tokens and against documents).
 */
public final class SimulationReport {

    public static final String CURVES_CSV = "curves.csv";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String CURVES_PNG = "curves.png";

    private SimulationReport() {
    }

    public static void write(SimulationResult result, Path folder) throws IOException {
        Files.createDirectories(folder);
        StringBuilder curves = new StringBuilder("strategy,seed,step,documents,tokens,f1,full_data_f1\n");
        for (Map.Entry<String, List<List<CurvePoint>>> s : result.curves().entrySet()) {
            for (int seed = 0; seed < s.getValue().size(); seed++) {
                for (CurvePoint p : s.getValue().get(seed)) {
                    curves.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%.4f,%.4f%n", s.getKey(), seed, p.step(), p.documents(),
                            p.tokens(), p.f1(), result.fullDataF1()[seed]));
                }
            }
        }
        write(folder.resolve(CURVES_CSV), curves.toString());
        StringBuilder summary = new StringBuilder("strategy,target,tokens_mean,tokens_sd,documents_mean,documents_sd,"
                + "token_saving_vs_random_mean,token_saving_vs_random_sd\n");
        for (StrategySummary s : result.summaries()) {
            summary.append(String.format(Locale.ROOT, "%s,%.2f,%.1f,%.1f,%.1f,%.1f,%.4f,%.4f%n", s.strategy(), result.settings().target(),
                    s.tokens().mean(), s.tokens().sd(), s.documents().mean(), s.documents().sd(), s.saving().mean(), s.saving().sd()));
        }
        write(folder.resolve(SUMMARY_CSV), summary.toString());
        LineChartPng.write(List.of(chart(result, true), chart(result, false)), folder.resolve(CURVES_PNG));
    }

    /** Per strategy, F1 and x averaged over the seeds step by step (every seed has the same steps). */
    private static LineChart chart(SimulationResult result, boolean byTokens) {
        List<LineChart.Series> series = new ArrayList<>();
        for (Map.Entry<String, List<List<CurvePoint>>> s : result.curves().entrySet()) {
            List<List<CurvePoint>> perSeed = s.getValue();
            int steps = perSeed.get(0).size();
            double[] x = new double[steps];
            double[] y = new double[steps];
            for (List<CurvePoint> curve : perSeed) {
                for (int i = 0; i < steps; i++) {
                    x[i] += (byTokens ? curve.get(i).tokens() : curve.get(i).documents()) / (double) perSeed.size();
                    y[i] += curve.get(i).f1() / perSeed.size();
                }
            }
            series.add(new LineChart.Series(s.getKey(), false, x, y));
        }
        double full = result.fullData().mean() * result.settings().target();
        int steps = series.get(0).x().length;
        double maxX = series.stream().mapToDouble(s -> s.x()[steps - 1]).max().orElse(1);
        series.add(new LineChart.Series(Math.round(result.settings().target() * 100) + "% of full-data F1", true,
                new double[] {0, maxX}, new double[] {full, full}));
        return new LineChart(byTokens ? "F1 by revealed tokens (mean over seeds)" : "F1 by revealed documents (mean over seeds)",
                byTokens ? "tokens" : "documents", series);
    }

    private static void write(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".simulation", ".csv");
        try {
            try (Writer w = Files.newBufferedWriter(tmp)) {
                w.write(content);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
