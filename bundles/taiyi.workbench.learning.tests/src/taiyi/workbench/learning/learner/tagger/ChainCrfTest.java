package taiyi.workbench.learning.learner.tagger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The CRF's dynamic programmes against brute force: every labelling of a short text enumerated and
 * scored from the weights' definition, with weights drawn from a fixed seed.
 */
class ChainCrfTest {

    private static final List<String> LABELS = LayerTagger.labels(List.of("Chemical", "Disease"));

    private static ChainCrf crf(long seed) {
        ChainCrf crf = new ChainCrf(LABELS, 6);
        Random random = new Random(seed);
        for (double[] weights : List.of(crf.emission, crf.transition, crf.start)) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] = 2 * random.nextGaussian();
            }
        }
        return crf;
    }

    /** Four units with overlapping feature sets. */
    private static UnitSequence text() {
        return new UnitSequence(new int[] {0, 2, 3, 6, 8}, new int[] {0, 3, 1, 2, 4, 5, 0, 5});
    }

    /** Every labelling BIO allows, with its score from the definition: start + emissions + transitions. */
    private static List<double[]> labellings(ChainCrf crf, UnitSequence x) {
        int n = x.size();
        int l = LABELS.size();
        List<double[]> out = new ArrayList<>();
        int[] y = new int[n];
        for (int code = 0; code < Math.pow(l, n); code++) {
            int c = code;
            for (int i = 0; i < n; i++) {
                y[i] = c % l;
                c /= l;
            }
            if (LABELS.get(y[0]).startsWith("I-")) {
                continue;
            }
            boolean valid = true;
            double score = crf.start[y[0]];
            for (int i = 0; i < n; i++) {
                for (int k = x.offsets()[i]; k < x.offsets()[i + 1]; k++) {
                    score += crf.emission[x.features()[k] * l + y[i]];
                }
                if (i > 0) {
                    String from = LABELS.get(y[i - 1]);
                    String to = LABELS.get(y[i]);
                    valid &= !to.startsWith("I-") || from.equals("B-" + to.substring(2)) || from.equals(to);
                    score += crf.transition[y[i - 1] * l + y[i]];
                }
            }
            if (valid) {
                double[] entry = new double[n + 1];
                for (int i = 0; i < n; i++) {
                    entry[i] = y[i];
                }
                entry[n] = score;
                out.add(entry);
            }
        }
        return out;
    }

    @Test
    void forwardBackwardMatchesEnumeration() {
        for (long seed = 1; seed <= 5; seed++) {
            ChainCrf crf = crf(seed);
            UnitSequence x = text();
            int n = x.size();
            int l = LABELS.size();
            List<double[]> all = labellings(crf, x);
            double max = all.stream().mapToDouble(e -> e[n]).max().orElseThrow();
            double z = all.stream().mapToDouble(e -> Math.exp(e[n] - max)).sum();
            double logZ = max + Math.log(z);
            double[][] marginal = new double[n][l];
            double[][] pair = new double[l][l];
            for (double[] e : all) {
                double p = Math.exp(e[n] - logZ);
                for (int i = 0; i < n; i++) {
                    marginal[i][(int) e[i]] += p;
                }
                pair[(int) e[1]][(int) e[2]] += p;
            }
            ForwardBackward fb = new ForwardBackward(crf, crf.scores(x), n);
            assertEquals(logZ, fb.logZ(), 1e-9, "log Z, seed " + seed);
            for (int i = 0; i < n; i++) {
                for (int y = 0; y < l; y++) {
                    assertEquals(marginal[i][y], fb.marginal(i, y), 1e-9, "unit " + i + " label " + LABELS.get(y));
                }
            }
            for (int a = 0; a < l; a++) {
                for (int b = 0; b < l; b++) {
                    double expected = pair[a][b];
                    double actual = crf.allowed(a, b) ? fb.pairMarginal(2, a, b) : 0;
                    assertEquals(expected, actual, 1e-9, LABELS.get(a) + " then " + LABELS.get(b));
                }
            }
        }
    }

    @Test
    void viterbiFindsTheBestLabellingAndItsProbability() {
        for (long seed = 1; seed <= 5; seed++) {
            ChainCrf crf = crf(seed);
            UnitSequence x = text();
            int n = x.size();
            List<double[]> all = labellings(crf, x);
            double[] best = all.stream().max((a, b) -> Double.compare(a[n], b[n])).orElseThrow();
            double max = best[n];
            double logZ = max + Math.log(all.stream().mapToDouble(e -> Math.exp(e[n] - max)).sum());

            LayerLabelling labelling = crf.label(x);
            String[] expected = new String[n];
            for (int i = 0; i < n; i++) {
                expected[i] = LABELS.get((int) best[i]);
            }
            assertArrayEquals(expected, labelling.best(), "seed " + seed);
            assertEquals(max - logZ, labelling.bestLogProbability(), 1e-9);
            for (double[] row : labelling.marginals()) {
                assertEquals(1, java.util.Arrays.stream(row).sum(), 1e-9);
            }
        }
    }

    @Test
    void neverLabelsAnInsideWithoutItsBeginning() {
        ChainCrf crf = new ChainCrf(LABELS, 6);
        // every unit's evidence says I-Disease; BIO allows it only after B-Disease
        int inside = LABELS.indexOf("I-Disease");
        for (int f = 0; f < 6; f++) {
            crf.emission[f * LABELS.size() + inside] = 5;
        }
        String[] best = crf.label(text()).best();
        assertFalse(best[0].startsWith("I-"), String.join(" ", best));
        for (int i = 1; i < best.length; i++) {
            assertTrue(!best[i].startsWith("I-") || best[i - 1].endsWith(best[i].substring(2)) && !best[i - 1].equals("O"),
                    String.join(" ", best));
        }
    }
}
