package taiyi.workbench.learning.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.learning.learner.tagger.PreparedTexts;
import taiyi.workbench.learning.learner.tagger.SequenceTaggerLearner;
import taiyi.workbench.learning.learner.tagger.TaggerModel;
import taiyi.workbench.learning.learner.tagger.TaggerSettings;
import taiyi.workbench.learning.learner.text.TextUnits;
import taiyi.workbench.testing.TestCorpora;

/** The simulation on the first 40 BC5CDR development abstracts, with the test's own learner. */
class SimulationTest {

    @TempDir
    Path out;

    @Test
    void revealsThePoolBatchByBatchAndReportsInTheIssuesShape() throws Exception {
        List<Document> gold = TestCorpora.bc5cdrDevel().subList(0, 40);
        SimulationSettings settings = new SimulationSettings(List.of("margin", "mnlp"), 2, 8, 0.25, 0, 0.95);
        assertEquals(List.of("random", "margin", "mnlp"), settings.strategies());
        StringMemoryLearner learner = new StringMemoryLearner();
        AtomicInteger retrainings = new AtomicInteger();
        AtomicInteger fresh = new AtomicInteger();
        SimulationResult result = new Simulation(learner, previous -> {
            (previous == null ? fresh : retrainings).incrementAndGet();
            assertTrue(previous == null || previous.learnerId().equals(learner.id()));
            return learner;
        }, LabelSchema.inferredFrom(gold), settings).run(gold, Simulation.Listener.NONE);
        // every step but the first of each curve retrains after a previous model: 3 strategies x 2 seeds x 3 steps;
        // a fresh learner for each curve's first step and each seed's full-data model
        assertEquals(3 * 2 * 3, retrainings.get());
        assertEquals(3 * 2 + 2, fresh.get());

        int pool = 40 - 10;
        long allTokens = gold.stream().mapToLong(d -> TextUnits.of(d.text()).size()).sum();
        for (String strategy : settings.strategies()) {
            for (int seed = 0; seed < 2; seed++) {
                List<CurvePoint> curve = result.curves().get(strategy).get(seed);
                // 30 documents in batches of 8: 8, 16, 24, 30
                assertEquals(List.of(8, 16, 24, 30), curve.stream().map(CurvePoint::documents).toList(), strategy + " seed " + seed);
                for (int i = 1; i < curve.size(); i++) {
                    assertTrue(curve.get(i).tokens() > curve.get(i - 1).tokens());
                }
                assertTrue(curve.get(curve.size() - 1).tokens() < allTokens);
                // the whole pool revealed: the same training set as the full-data model (the learner ignores order)
                assertEquals(result.fullDataF1()[seed], curve.get(curve.size() - 1).f1(), 1e-12);
                // the cold-start batch is the same random batch for every strategy
                assertEquals(result.curves().get("random").get(seed).get(0), curve.get(0));
            }
        }
        // the pool's tokens are the same whatever the order: the last points agree across strategies
        assertEquals(result.curves().get("random").get(1).get(3).tokens(), result.curves().get("margin").get(1).get(3).tokens());
        assertEquals(0, result.summaries().get(0).saving().mean(), 1e-12);
        assertTrue(result.summaryLine().matches(
                "taiyi simulate: full-data F1 \\d\\.\\d{3}; best strategy (margin|mnlp) reaches 95% of it with -?\\d+% fewer tokens than random"),
                result.summaryLine());
        assertTrue(result.fullData().mean() > 0);

        SimulationReport.write(result, out);
        List<String> curves = Files.readAllLines(out.resolve(SimulationReport.CURVES_CSV));
        assertEquals(1 + 3 * 2 * 4, curves.size());
        assertEquals(1 + 3, Files.readAllLines(out.resolve(SimulationReport.SUMMARY_CSV)).size());
        byte[] png = Files.readAllBytes(out.resolve(SimulationReport.CURVES_PNG));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void theTaggersCurvesAreTheSameOnOneThreadAsOnTwo() throws Exception {
        List<Document> gold = TestCorpora.bc5cdrDevel().subList(0, 30);
        LabelSchema schema = LabelSchema.inferredFrom(gold);
        List<List<CurvePoint>> runs = new java.util.ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            SimulationSettings settings = new SimulationSettings(List.of("margin-per-token", "mnlp"), 1, 8, 0.2, 0, 0.95, threads);
            TaggerSettings cold = TaggerSettings.quick().withThreads(1).withMaxIterations(2);
            TaggerSettings warm = cold.withMaxIterations(1);
            PreparedTexts texts = new PreparedTexts();
            SimulationResult result = new Simulation(new SequenceTaggerLearner(cold), previous -> previous instanceof TaggerModel t
                    ? new SequenceTaggerLearner(warm).sharing(texts).startingFrom(t) : new SequenceTaggerLearner(cold).sharing(texts),
                    schema, settings).run(gold, Simulation.Listener.NONE);
            runs.add(result.curves().get("margin-per-token").get(0));
            runs.add(result.curves().get("mnlp").get(0));
            assertTrue(result.fullDataF1()[0] > 0.2, "full-data F1 " + result.fullDataF1()[0]);
        }
        // 24 documents in the pool: 8, 16, 24
        assertEquals(List.of(8, 16, 24), runs.get(0).stream().map(CurvePoint::documents).toList());
        assertEquals(runs.get(0), runs.get(2));
        assertEquals(runs.get(1), runs.get(3));
    }

    @Test
    void theTargetIsReachedWhereTheCurveStaysAboveItNotWhereItFirstTouchesIt() {
        // full-data F1 0.8, target 0.95 x 0.8 = 0.76
        SimulationSettings settings = new SimulationSettings(List.of("margin", "mnlp"), 1, 10, 0.2, 0, 0.95);
        // random touches 0.76 at 200 tokens, falls to 0.70, and stays above from 400 tokens on
        List<CurvePoint> random = curve(0.50, 0.78, 0.70, 0.77, 0.80);
        // margin stays above from 200 tokens on: 1 - 200 / 400 = 50 % fewer tokens
        List<CurvePoint> margin = curve(0.60, 0.77, 0.79, 0.80, 0.81);
        // mnlp ends below the target: its last point stands for it, 500 tokens, 25 % more than random
        List<CurvePoint> mnlp = curve(0.60, 0.77, 0.79, 0.80, 0.75);
        java.util.Map<String, List<List<CurvePoint>>> curves = new java.util.LinkedHashMap<>();
        curves.put("random", List.of(random));
        curves.put("margin", List.of(margin));
        curves.put("mnlp", List.of(mnlp));
        SimulationResult result = new SimulationResult(settings, new double[] {0.8}, curves);
        assertEquals(400, result.reached("random", 0).tokens());
        assertEquals(200, result.reached("margin", 0).tokens());
        assertEquals(500, result.reached("mnlp", 0).tokens());
        assertEquals(20, result.reached("margin", 0).documents());
        StrategySummary best = result.best();
        assertEquals("margin", best.strategy());
        assertEquals(0.5, best.saving().mean(), 1e-12);
        assertEquals("taiyi simulate: full-data F1 0.800; best strategy margin reaches 95% of it with 50% fewer tokens than random",
                result.summaryLine());
    }

    /** A curve of one point per F1, 10 documents and 100 tokens a step. */
    private static List<CurvePoint> curve(double... f1) {
        List<CurvePoint> out = new java.util.ArrayList<>();
        for (int i = 0; i < f1.length; i++) {
            out.add(new CurvePoint(i + 1, 10 * (i + 1), 100L * (i + 1), f1[i]));
        }
        return out;
    }

    @Test
    void refusesAnUnknownStrategyAndASplitWithAnEmptySide() throws Exception {
        List<Document> gold = TestCorpora.bc5cdrDevel().subList(0, 3);
        Simulation unknown = new Simulation(new StringMemoryLearner(), LabelSchema.empty(),
                new SimulationSettings(List.of("hunch"), 1, 1, 0.5, 0, 0.95));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> unknown.run(gold, Simulation.Listener.NONE));
        assertTrue(e.getMessage().startsWith("unknown queue strategy 'hunch'"), e.getMessage());
        Simulation tiny = new Simulation(new StringMemoryLearner(), LabelSchema.empty(), new SimulationSettings(List.of(), 1, 1, 0.1, 0, 0.95));
        assertThrows(IllegalArgumentException.class, () -> tiny.run(gold, Simulation.Listener.NONE));
    }
}
