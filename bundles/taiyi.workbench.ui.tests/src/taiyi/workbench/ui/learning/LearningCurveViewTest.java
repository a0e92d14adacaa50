package taiyi.workbench.ui.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static taiyi.workbench.ui.WorkbenchDriver.drain;
import static taiyi.workbench.ui.WorkbenchDriver.page;
import static taiyi.workbench.ui.WorkbenchDriver.screenshot;
import static taiyi.workbench.ui.WorkbenchDriver.testdata;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.learning.evaluation.Evaluation;
import taiyi.workbench.learning.evaluation.LearningCurve;
import taiyi.workbench.learning.evaluation.LineChart;
import taiyi.workbench.learning.evaluation.ScoreTable;
import taiyi.workbench.learning.evaluation.SuggestionSource;
import taiyi.workbench.learning.evaluation.Tally;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.WorkbenchDatabase;

/** The Learning Curve view on two rounds of a learner stored in the learning record. */
class LearningCurveViewTest {

    private static final String CORPUS = "cdr-devel-curve";

    @Test
    void plotsOnePointPerRoundAgainstDocumentsAndHours() throws Exception {
        CorpusStore store = WorkbenchDatabase.store();
        if (store.statistics().corpora().stream().noneMatch(c -> c.name().equals(CORPUS))) {
            List<Document> docs = new PubTatorReader().read(testdata("bc5cdr/CDR_DevelopmentSet.PubTator.txt")).subList(0, 5);
            store.documents().importDocuments(CORPUS, docs, "curve test");
            // round 1 on 2 documents after half an hour, round 2 on 5 after 1.5 hours
            store.learningRecords().add(CORPUS, evaluation(1, 2, 1_800_000, new Tally(6, 2, 2), new Tally(9, 3, 3))
                    .toRecord(Instant.parse("2026-12-04T10:00:00Z")));
            store.learningRecords().add(CORPUS, evaluation(2, 5, 5_400_000, new Tally(8, 1, 1), new Tally(12, 2, 1))
                    .toRecord(Instant.parse("2026-12-04T11:00:00Z")));
        }
        LearningCurveView view = assertInstanceOf(LearningCurveView.class, page().showView(LearningCurveView.ID));
        drain();
        view.setCorpus(CORPUS);
        drain();
        assertEquals("1 source, 2 rounds evaluated", view.statusText());
        List<LineChart> charts = view.charts();
        assertEquals(2, charts.size());
        LineChart byDocuments = charts.get(0);
        assertEquals(List.of("dictionary micro", "dictionary Chemical", "dictionary Disease"),
                byDocuments.series().stream().map(LineChart.Series::name).toList());
        assertArrayEquals(new double[] {2, 5}, byDocuments.series().get(0).x());
        // micro F1 by hand: round 1 tp 15, fp 5, fn 5 -> 30/40; round 2 tp 20, fp 3, fn 2 -> 40/45
        assertArrayEquals(new double[] {30.0 / 40, 40.0 / 45}, byDocuments.series().get(0).y(), 1e-12);
        assertArrayEquals(new double[] {0.5, 1.5}, charts.get(1).series().get(0).x(), 1e-12);
        screenshot(view.getSite().getShell(), "learning-curve");
    }

    @Test
    void evaluatedAdaptersGetAChartWithOnePointPerRound() throws Exception {
        String corpus = "cdr-devel-adapter-curve";
        String source = "Taiyi-LLM" + LearningCurve.ADAPTER_SOURCE_SUFFIX;
        CorpusStore store = WorkbenchDatabase.store();
        if (store.statistics().corpora().stream().noneMatch(c -> c.name().equals(corpus))) {
            List<Document> docs = new PubTatorReader().read(testdata("bc5cdr/CDR_DevelopmentSet.PubTator.txt")).subList(0, 5);
            store.documents().importDocuments(corpus, docs, "adapter curve test");
            // the adapters of rounds 1 and 3, scored on the same 5 curated documents
            for (int round : new int[] {1, 3}) {
                store.learningRecords().add(corpus, new Evaluation(new SuggestionSource(source, round), corpus, 5, 3_600_000,
                        new ScoreTable(Map.of("Chemical", new Tally(round * 3, 4, 4))), ScoreTable.empty())
                        .toRecord(Instant.parse("2026-12-04T1" + round + ":00:00Z")));
            }
        }
        LearningCurveView view = assertInstanceOf(LearningCurveView.class, page().showView(LearningCurveView.ID));
        drain();
        view.setCorpus(corpus);
        drain();
        List<LineChart> charts = view.charts();
        assertEquals(3, charts.size());
        LineChart byRound = charts.get(2);
        assertEquals("F1 by adapter round", byRound.title());
        assertEquals(source + " micro", byRound.series().get(0).name());
        assertArrayEquals(new double[] {1, 3}, byRound.series().get(0).x());
        // round 1: tp 3, fp 4, fn 4 -> 6/14; round 3: tp 9, fp 4, fn 4 -> 18/26
        assertArrayEquals(new double[] {6.0 / 14, 18.0 / 26}, byRound.series().get(0).y(), 1e-12);
    }

    private static Evaluation evaluation(int round, int documents, long millis, Tally chemical, Tally disease) {
        return new Evaluation(new SuggestionSource("dictionary", round), CORPUS, documents, millis,
                new ScoreTable(Map.of("Chemical", chemical, "Disease", disease)), ScoreTable.empty());
    }
}
