package taiyi.workbench.learning.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.inference.ScoreAttributes;
import taiyi.workbench.learning.learner.PredictedMention;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TaiyiSuggestions;
import taiyi.workbench.testing.TestCorpora;

/** A queue pool read from a store holding four BC5CDR abstracts, Taiyi's and a learner's suggestions and a log. */
class StoredQueuePoolTest {

    @TempDir
    Path folder;

    @Test
    void readsOpenSuggestionsBySourceTheDoneDocumentsAndTheDecisionCost() throws Exception {
        List<Document> docs = TestCorpora.bc5cdrDevel().subList(0, 4);
        Document a = docs.get(0);
        Document b = docs.get(1);
        try (CorpusStore store = CorpusStore.open(folder)) {
            store.documents().importDocuments("cdr", docs, "test");
            // Taiyi on a: 'lithium carbonate' hesitated (p 0.55 vs 0.35 at its least decided token), 'toxicity' not
            Suggestion lithium = withScores(TaiyiSuggestions.mention(a, "s-1-1", "Chemical", "lithium carbonate", -0.4),
                    0.20, 0.35);
            Suggestion toxicity = TaiyiSuggestions.mention(a, "s-1-2", "Disease", "toxicity", -0.05);
            Suggestion newborn = TaiyiSuggestions.mention(a, "s-1-3", "Disease", "newborn", -2.0);
            store.suggestions().addSuggestions("cdr", a.id(), List.of(lithium, toxicity, newborn));
            // a learner's suggestion on b: its score is a probability
            EntityMention first = b.mentions().get(0);
            Suggestion learned = new Suggestion(new EntityMention("d-1", first.type(), first.spans(), List.of(),
                    Map.of(ScoreAttributes.RUNNER_UP_LABEL, "O", ScoreAttributes.RUNNER_UP, "0.3")),
                    new Provenance("dictionary", "", "", 1), 0.7);
            store.suggestions().addSuggestions("cdr", b.id(), List.of(learned));
            // the curator rejected 'newborn' in 4 s and 'toxicity' was accepted in 2 s; the third document is done
            store.log().record("cdr", CorrectionEvent.decision(a.id(), "ann", CorrectionAction.REJECT, "s-1-3", "cli", 4000));
            store.log().record("cdr", CorrectionEvent.onMention(a.id(), "ann", CorrectionAction.ACCEPT, null,
                    toxicity.mention(), "s-1-2", "cli", 2000));
            DocumentCuration.open(store, "cdr", docs.get(2).id()).markDone("cli");

            QueuePool pool = StoredQueuePool.read(store, "cdr");
            assertEquals(List.of(a.id(), b.id(), docs.get(3).id()),
                    pool.candidates().stream().map(QueueCandidate::documentId).toList());
            assertEquals(List.of(docs.get(2).id()), pool.curated().stream().map(Document::id).toList());
            assertEquals(3.0, pool.cost().secondsPerDecision(), 1e-9);
            assertEquals(2, pool.cost().measuredDecisions());

            QueueCandidate candidateA = pool.candidates().get(0);
            assertEquals(1, candidateA.sources().size());
            assertEquals(TaiyiSuggestions.MODEL, candidateA.sources().get(0).source());
            List<UncertainSuggestion> open = candidateA.suggestionsByUncertainty();
            assertEquals(List.of("s-1-1"), open.stream().map(UncertainSuggestion::suggestionId).toList());
            PredictedMention p = open.get(0).mention();
            // best token 0.35 + 0.20, runner-up 0.35
            assertEquals(0.55, p.confidence(), 1e-9);
            assertEquals(0.35, p.runnerUpConfidence(), 1e-9);
            assertEquals(0.20, p.margin(), 1e-9);
            assertEquals(StoredQueuePool.ANOTHER_TOKEN, p.runnerUp());

            PredictedMention onB = pool.candidates().get(1).suggestionsByUncertainty().get(0).mention();
            assertEquals(0.7, onB.confidence(), 1e-9);
            assertEquals("O", onB.runnerUp());
            assertEquals(0.4, onB.margin(), 1e-9);
            assertEquals("dictionary", pool.candidates().get(1).sources().get(0).source());
            assertEquals(0, pool.candidates().get(2).sources().size());

            // by margin: a (0.20), b (0.40), the unpredicted last document
            List<RankedDocument> ranked = new MarginStrategy().rank(pool);
            assertEquals(List.of(a.id(), b.id(), docs.get(3).id()), ranked.stream().map(RankedDocument::documentId).toList());
            assertEquals("s-1-1", ranked.get(0).suggestions().get(0).suggestionId());
        }
    }

    @Test
    void aScoreWithoutRunnerUpIsItsOwnMarginAndALogProbabilityIsExponentiated() throws Exception {
        Document a = TestCorpora.bc5cdrDevel().get(0);
        PredictedMention p = StoredQueuePool.predicted(TaiyiSuggestions.mention(a, "s-1-1", "Chemical", "lithium", Math.log(0.8)));
        assertEquals(0.8, p.confidence(), 1e-9);
        assertEquals(StoredQueuePool.UNKNOWN_RUNNER_UP, p.runnerUp());
        assertEquals(0.8, p.margin(), 1e-9);
    }

    @Test
    void aScoreMarkedUnknownIsNoConfidenceAtAllNotCertainty() throws Exception {
        Document a = TestCorpora.bc5cdrDevel().get(0);
        Suggestion s = TaiyiSuggestions.mention(a, "s-1-1", "Chemical", "lithium", 0);
        Map<String, String> attributes = new LinkedHashMap<>(s.mention().attributes());
        attributes.put(ScoreAttributes.UNKNOWN, "true");
        EntityMention m = s.mention();
        Suggestion unknown = new Suggestion(new EntityMention(m.id(), m.type(), m.spans(), m.normalizations(), attributes),
                s.provenance(), 0);
        // a stored 0 reads as log-probability 0, i.e. certain, unless it is marked unknown
        assertEquals(1.0, StoredQueuePool.predicted(s).confidence(), 1e-9);
        PredictedMention p = StoredQueuePool.predicted(unknown);
        assertEquals(0.0, p.confidence(), 1e-9);
        assertEquals(StoredQueuePool.UNKNOWN_RUNNER_UP, p.runnerUp());
    }

    private static Suggestion withScores(Suggestion s, double margin, double runnerUp) {
        Map<String, String> attributes = new LinkedHashMap<>(s.mention().attributes());
        attributes.put(ScoreAttributes.MARGIN, Double.toString(margin));
        attributes.put(ScoreAttributes.RUNNER_UP, Double.toString(runnerUp));
        EntityMention m = s.mention();
        return new Suggestion(new EntityMention(m.id(), m.type(), m.spans(), m.normalizations(), attributes), s.provenance(),
                s.score());
    }
}
