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

    /**
     * Where a seed's curve reaches the target share of that seed's full-data F1 for good: the first
     * point from which every later point stays at or above it (the last point when even that one is
     * below). A curve that touches the target once and falls back has not reached it: with a batch of
     * ten documents the held-out F1 jitters by a point or two, and the first touch would reward the luck.
     */
    public CurvePoint reached(String strategy, int seed) {
        return reached(curves.get(strategy).get(seed), settings.target() * fullDataF1[seed]);
    }

    /** The first point of a curve from which every point is at or above {@code target}; its last point if none. */
    static CurvePoint reached(List<CurvePoint> curve, double target) {
        int from = curve.size() - 1;
        for (int i = curve.size() - 1; i >= 0 && curve.get(i).f1() >= target - 1e-12; i--) {
            from = i;
        }
        return curve.get(from);
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
