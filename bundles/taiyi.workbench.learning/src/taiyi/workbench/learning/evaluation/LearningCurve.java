package taiyi.workbench.learning.evaluation;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The learning curve of a corpus: one point per source and round (its latest evaluation), micro and
 * per-type mention F1 against curated documents and curation hours, and against the round for the
 * evaluated adapters of a model. The CLI writes it as CSV and PNG, the workbench's view plots it.
 */
public final class LearningCurve {

    /** The F1 figures' name for all types pooled. */
    public static final String MICRO = "micro";

    /**
     * How the evaluations of a model's registered adapters are named in the learning record: the
     * model id and this, one round per adapter round ({@code taiyi adapter evaluate}).
     */
    public static final String ADAPTER_SOURCE_SUFFIX = " + adapter";

    private final Map<String, List<Evaluation>> bySource;

    private LearningCurve(Map<String, List<Evaluation>> bySource) {
        this.bySource = bySource;
    }

    /** The curve of evaluations in the order they ran: a later evaluation of the same source and round replaces an earlier one. */
    public static LearningCurve of(List<Evaluation> evaluations) {
        Map<SuggestionSource, Evaluation> latest = new TreeMap<>();
        evaluations.forEach(e -> latest.put(e.source(), e));
        Map<String, List<Evaluation>> bySource = new LinkedHashMap<>();
        latest.values().forEach(e -> bySource.computeIfAbsent(e.source().id(), s -> new ArrayList<>()).add(e));
        return new LearningCurve(bySource);
    }

    /** Each source's points, in round order. */
    public Map<String, List<Evaluation>> bySource() {
        return bySource;
    }

    public boolean isEmpty() {
        return bySource.isEmpty();
    }

    /** The entity types that occur in any point, sorted. */
    public List<String> types() {
        TreeSet<String> types = new TreeSet<>();
        bySource.values().forEach(points -> points.forEach(e -> types.addAll(e.mentions().byType().keySet())));
        return new ArrayList<>(types);
    }

    /** The F1 of one point: {@link #MICRO} or a type's. */
    public static double f1(Evaluation e, String type) {
        return MICRO.equals(type) ? e.mentions().micro().f1() : e.mentions().of(type).f1();
    }

    /** Writes {@code source,round,curated_documents,curation_hours,type,tp,fp,fn,precision,recall,f1} rows. */
    public void writeCsv(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path tmp = Files.createTempFile(absolute.getParent(), ".curve", ".csv");
        try {
            try (Writer w = Files.newBufferedWriter(tmp)) {
                w.write("source,round,curated_documents,curation_hours,type,tp,fp,fn,precision,recall,f1\n");
                for (List<Evaluation> points : bySource.values()) {
                    for (Evaluation e : points) {
                        row(w, e, MICRO, e.mentions().micro());
                        for (Map.Entry<String, Tally> t : e.mentions().byType().entrySet()) {
                            row(w, e, t.getKey(), t.getValue());
                        }
                    }
                }
            }
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Two charts, F1 against curated documents and against curation hours, and a third against the
     * round when adapters were evaluated; per source a solid micro line, dashed type lines.
     */
    public List<LineChart> charts() {
        List<LineChart> charts = new ArrayList<>(List.of(chart("F1 by curated documents", "curated documents", e -> e.curatedDocuments(),
                s -> true), chart("F1 by curation hours", "curation hours", Evaluation::curationHours, s -> true)));
        if (bySource.keySet().stream().anyMatch(LearningCurve::isAdapterSource)) {
            // a third, when adapters were evaluated: one point per adapter round
            charts.add(chart("F1 by adapter round", "round", e -> e.source().round(), LearningCurve::isAdapterSource));
        }
        return charts;
    }

    /** Whether a source names the adapters of a model, one point per round. */
    public static boolean isAdapterSource(String source) {
        return source.endsWith(ADAPTER_SOURCE_SUFFIX);
    }

    private LineChart chart(String title, String xLabel, ToDoubleFunction<Evaluation> x, java.util.function.Predicate<String> sources) {
        List<LineChart.Series> series = new ArrayList<>();
        for (Map.Entry<String, List<Evaluation>> source : bySource.entrySet()) {
            if (!sources.test(source.getKey())) {
                continue;
            }
            List<Evaluation> points = new ArrayList<>(source.getValue());
            points.sort((a, b) -> Double.compare(x.applyAsDouble(a), x.applyAsDouble(b)));
            series.add(series(source.getKey() + " micro", false, points, x, MICRO));
            for (String type : types()) {
                series.add(series(source.getKey() + " " + type, true, points, x, type));
            }
        }
        return new LineChart(title, xLabel, series);
    }

    private static LineChart.Series series(String name, boolean dashed, List<Evaluation> points, ToDoubleFunction<Evaluation> x, String type) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x.applyAsDouble(points.get(i));
            ys[i] = f1(points.get(i), type);
        }
        return new LineChart.Series(name, dashed, xs, ys);
    }

    private static void row(Writer w, Evaluation e, String type, Tally t) throws IOException {
        w.write(String.format(Locale.ROOT, "%s,%d,%d,%.4f,%s,%d,%d,%d,%.4f,%.4f,%.4f%n", csv(e.source().id()), e.source().round(),
                e.curatedDocuments(), e.curationHours(), csv(type), t.truePositives(), t.falsePositives(), t.falseNegatives(),
                t.precision(), t.recall(), t.f1()));
    }

    private static String csv(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
