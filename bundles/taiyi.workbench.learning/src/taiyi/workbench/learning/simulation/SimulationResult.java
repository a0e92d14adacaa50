package taiyi.workbench.learning.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a simulation found: each strategy's curve per seed, the full-data F1 per seed, and per strategy
 * the tokens and documents it needed to reach the target share of the full-data F1.
 *
 * @param settings how it ran
 * @param fullDataF1 per seed, the F1 of the learner trained on the whole pool
 * @param curves per strategy, per seed, the points in step order
 */
public record SimulationResult(SimulationSettings settings, double[] fullDataF1, Map<String, List<List<CurvePoint>>> curves) {

    public SimulationResult {
        fullDataF1 = fullDataF1.clone();
        Map<String, List<List<CurvePoint>>> copy = new LinkedHashMap<>();
        curves.forEach((s, perSeed) -> copy.put(s, perSeed.stream().map(List::copyOf).toList()));
        curves = java.util.Collections.unmodifiableMap(copy);
    }

    public MeanSd fullData() {
        return MeanSd.of(fullDataF1);
    }

    /** The first point of a seed's curve at or above the target share of that seed's full-data F1 (the last point if none is). */
    public CurvePoint reached(String strategy, int seed) {
        List<CurvePoint> curve = curves.get(strategy).get(seed);
        double target = settings.target() * fullDataF1[seed];
        for (CurvePoint p : curve) {
            if (p.f1() >= target - 1e-12) {
                return p;
            }
        }
        return curve.get(curve.size() - 1);
    }

    /** Per strategy, in the settings' order: tokens and documents to the target, and the saving against random. */
    public List<StrategySummary> summaries() {
        List<StrategySummary> out = new ArrayList<>();
        int seeds = fullDataF1.length;
        for (String s : curves.keySet()) {
            double[] tokens = new double[seeds];
            double[] documents = new double[seeds];
            double[] saving = new double[seeds];
            for (int seed = 0; seed < seeds; seed++) {
                CurvePoint p = reached(s, seed);
                tokens[seed] = p.tokens();
                documents[seed] = p.documents();
                saving[seed] = 1 - (double) p.tokens() / reached(SimulationSettings.BASELINE, seed).tokens();
            }
            out.add(new StrategySummary(s, MeanSd.of(tokens), MeanSd.of(documents), MeanSd.of(saving)));
        }
        return out;
    }

    /** The strategy other than random with the largest mean saving; random itself when it is the only one. */
    public StrategySummary best() {
        StrategySummary best = null;
        for (StrategySummary s : summaries()) {
            if (s.strategy().equals(SimulationSettings.BASELINE)) {
                continue;
            }
            if (best == null || s.saving().mean() > best.saving().mean()) {
                best = s;
            }
        }
        return best != null ? best : summaries().get(0);
    }

    /** The command's last line, in the shape. */
    public String summaryLine() {
        StrategySummary best = best();
        return String.format(Locale.ROOT, "taiyi simulate: full-data F1 %.3f; best strategy %s reaches %d%% of it with %d%% fewer tokens than random",
                fullData().mean(), best.strategy(), Math.round(settings.target() * 100), Math.round(best.saving().mean() * 100));
    }
}
