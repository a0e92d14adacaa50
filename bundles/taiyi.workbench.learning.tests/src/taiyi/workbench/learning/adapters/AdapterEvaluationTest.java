package taiyi.workbench.learning.adapters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.learning.evaluation.Evaluation;
import taiyi.workbench.learning.evaluation.LearningCurve;
import taiyi.workbench.learning.evaluation.LineChart;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.RegisteredAdapter;
import taiyi.workbench.testing.TestCorpora;

/** An adapter's evaluation F1: its own suggestions against the curated layer, recorded in the registry and on the learning curve. */
class AdapterEvaluationTest {

    @TempDir
    Path dir;

    @Test
    void theAdaptersSuggestionsAloneAreScoredAndTheCurveGetsAPointForItsRound() throws Exception {
        List<Document> docs = TestCorpora.ncbiDevel().subList(0, 6);
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            store.documents().importDocuments(AdapterFixtures.CORPUS, docs, "NCBIdevelopset_corpus.txt");
            store.documents().importDocuments("gold", docs, "NCBIdevelopset_corpus.txt");
            Path folder = AdapterFixtures.peftAdapter(dir.resolve("round-2-adapter"), 4, 2);
            AdapterFixtures.trainingReport(folder, BaseModelHash.of(AdapterFixtures.tinyModel()), null, 2, 0.1);
            RegisteredAdapter adapter = new AdapterRegistry(store).register(folder, List.of(AdapterFixtures.CORPUS), OptionalInt.empty())
                    .get(0);

            // with the adapter: the curated mentions of the first four documents; the base model, same round: wrong spans everywhere
            Provenance withAdapter = new Provenance("qwen-tiny-bin", "round-2-adapter", "taiyi1", 2);
            Provenance baseModel = new Provenance("qwen-tiny-bin", "", "taiyi1", 2);
            int found = 0;
            int missed = 0;
            for (int i = 0; i < docs.size(); i++) {
                Document d = docs.get(i);
                List<Suggestion> suggestions = new ArrayList<>();
                for (EntityMention m : d.mentions()) {
                    if (i < 4) {
                        suggestions.add(new Suggestion(new EntityMention("a-" + m.id(), m.type(), m.spans(), List.of()), withAdapter, -0.1));
                        found++;
                    } else {
                        missed++;
                    }
                    Span s = m.spans().get(0);
                    suggestions.add(new Suggestion(new EntityMention("b-" + m.id(), m.type(), List.of(new Span(s.start(), s.end() - 1)),
                            List.of()), baseModel, -0.5));
                }
                store.suggestions().addSuggestions(AdapterFixtures.CORPUS, d.id(), suggestions);
            }
            assertTrue(found > 0 && missed > 0, found + " found, " + missed + " missed");

            Evaluation e = new AdapterEvaluation(store).evaluate(adapter, Optional.of("gold")).orElseThrow();

            assertEquals(found, e.mentions().micro().truePositives());
            assertEquals(0, e.mentions().micro().falsePositives());
            assertEquals(missed, e.mentions().micro().falseNegatives());
            double f1 = 2.0 * found / (2.0 * found + missed);
            assertEquals(f1, e.mentions().micro().f1(), 1e-12);
            assertEquals("qwen-tiny-bin" + LearningCurve.ADAPTER_SOURCE_SUFFIX, e.source().id());
            assertEquals(f1, store.adapters().adapters(AdapterFixtures.CORPUS).get(0).evaluationF1(), 1e-12);

            LearningCurve curve = LearningCurve.of(store.learningRecords().records(AdapterFixtures.CORPUS).stream().map(Evaluation::of)
                    .toList());
            List<LineChart> charts = curve.charts();
            assertEquals(3, charts.size());
            LineChart byRound = charts.get(2);
            assertEquals("F1 by adapter round", byRound.title());
            assertArrayEquals(new double[] {2}, byRound.series().get(0).x());
            assertArrayEquals(new double[] {f1}, byRound.series().get(0).y(), 1e-12);
        }
    }

    @Test
    void anAdapterWithoutSuggestionsHasNoEvaluation() throws Exception {
        List<Document> docs = TestCorpora.ncbiDevel().subList(0, 2);
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            store.documents().importDocuments(AdapterFixtures.CORPUS, docs, "NCBIdevelopset_corpus.txt");
            store.documents().importDocuments("gold", docs, "NCBIdevelopset_corpus.txt");
            Path folder = AdapterFixtures.peftAdapter(dir.resolve("r1"), 4, 1);
            AdapterFixtures.trainingReport(folder, BaseModelHash.of(AdapterFixtures.tinyModel()), null, 1, 0.1);
            RegisteredAdapter adapter = new AdapterRegistry(store).register(folder, List.of(AdapterFixtures.CORPUS), OptionalInt.empty())
                    .get(0);
            assertEquals(Optional.empty(), new AdapterEvaluation(store).evaluate(adapter, Optional.of("gold")));
            assertTrue(store.adapters().adapters(AdapterFixtures.CORPUS).get(0).f1().isEmpty());
            assertTrue(store.learningRecords().records(AdapterFixtures.CORPUS).isEmpty());
        }
    }
}
