package taiyi.workbench.learning.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.LearningRecord;
import taiyi.workbench.testing.TestCorpora;

/**
 * Two BC5CDR development abstracts curated (imported) and marked done, and two rounds of a learner's
 * suggestions on them: round 1 misses "lithium" in 6794356 and calls its "toxicity" a Chemical, round 2
 * is the gold itself.
 */
class CorpusEvaluatorTest {

    private static final String CORPUS = "cdr";

    @TempDir
    Path folder;

    @Test
    void scoresEachRoundOfEachSourceAgainstTheDoneDocumentsAndStoresThem() throws Exception {
        Document lithium = TestCorpora.bc5cdrDevelAbstract("6794356");
        Document phenobarbital = TestCorpora.bc5cdrDevelAbstract("6504332");
        try (CorpusStore store = CorpusStore.open(folder)) {
            store.documents().importDocuments(CORPUS, List.of(lithium, phenobarbital, TestCorpora.bc5cdrDevelAbstract("6436733")), "test");
            List<Suggestion> round1 = new ArrayList<>();
            for (EntityMention m : lithium.mentions()) {
                if (m.start() == 189) {
                    continue;
                }
                String type = m.start() == 52 ? "Chemical" : m.type();
                round1.add(new Suggestion(new EntityMention("r1-" + m.id(), type, m.spans(), List.of()), learner(1), 0.5));
            }
            store.suggestions().addSuggestions(CORPUS, lithium.id(), round1);
            store.suggestions().addSuggestions(CORPUS, lithium.id(), copy(lithium, 2));
            store.suggestions().addSuggestions(CORPUS, phenobarbital.id(), copy(phenobarbital, 1));
            store.suggestions().addSuggestions(CORPUS, phenobarbital.id(), copy(phenobarbital, 2));
            // the curators took 90 s and 30 s to declare them done; the third document stays new
            store.log().record(CORPUS, CorrectionEvent.decision(lithium.id(), "ann", CorrectionAction.MARK_DONE, null, "test", 90_000));
            store.log().record(CORPUS, CorrectionEvent.decision(phenobarbital.id(), "ann", CorrectionAction.MARK_DONE, null, "test", 30_000));

            List<Evaluation> all = new CorpusEvaluator(store).evaluate(CORPUS, Optional.empty(), Optional.empty(), OptionalInt.empty());
            assertEquals(List.of(new SuggestionSource("dictionary", 1), new SuggestionSource("dictionary", 2)),
                    all.stream().map(Evaluation::source).toList());
            Evaluation first = all.get(0);
            // 6794356: 4 Chemical less lithium, plus toxicity; 12 Disease less toxicity. 6504332: 4 + 8, all right
            assertEquals(new Tally(3 + 4, 1, 1), first.mentions().of("Chemical"));
            assertEquals(new Tally(11 + 8, 0, 1), first.mentions().of("Disease"));
            assertEquals(2, first.curatedDocuments());
            assertEquals(120_000, first.curationMillis());
            assertEquals(new Tally(4 + 12 + 4 + 8, 0, 0), all.get(1).mentions().micro());

            List<Evaluation> second = new CorpusEvaluator(store).evaluate(CORPUS, Optional.empty(), Optional.of("dictionary"), OptionalInt.of(2));
            assertEquals(1, second.size());

            Instant at = Instant.parse("2026-12-04T15:00:00Z");
            for (Evaluation e : all) {
                store.learningRecords().add(CORPUS, e.toRecord(at));
            }
            List<LearningRecord> records = store.learningRecords().records(CORPUS);
            assertEquals(all, records.stream().map(Evaluation::of).toList());
            assertEquals(at, records.get(0).evaluatedAt());
            assertEquals(List.of(), store.learningRecords().records("elsewhere"));
        }
    }

    @Test
    void scoresAgainstAnotherGoldCorpusAndNamesWhatIsMissing() throws Exception {
        Document lithium = TestCorpora.bc5cdrDevelAbstract("6794356");
        try (CorpusStore store = CorpusStore.open(folder)) {
            store.documents().importDocuments("gold", List.of(lithium), "test");
            store.documents().importDocuments("raw", List.of(Document.ofText(lithium.id(), lithium.text())), "test");
            store.suggestions().addSuggestions("raw", lithium.id(), copy(lithium, 0).subList(0, 10));
            List<Evaluation> e = new CorpusEvaluator(store).evaluate("raw", Optional.of("gold"), Optional.empty(), OptionalInt.empty());
            assertEquals(new Tally(10, 0, 16 - 10), e.get(0).mentions().micro());
            assertEquals("gold", e.get(0).goldCorpus());

            IllegalArgumentException noneDone = assertThrows(IllegalArgumentException.class,
                    () -> new CorpusEvaluator(store).evaluate("raw", Optional.empty(), Optional.empty(), OptionalInt.empty()));
            assertEquals("corpus 'raw' has no document marked done to evaluate against (mark some done, or give --gold-corpus)",
                    noneDone.getMessage());
            store.documents().importDocuments("other", List.of(TestCorpora.bc5cdrDevelAbstract("6504332")), "test");
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> new CorpusEvaluator(store).evaluate("raw", Optional.of("other"), Optional.empty(), OptionalInt.empty()));
            assertEquals("corpus 'raw' has no document 6504332 of gold corpus 'other'", missing.getMessage());
        }
    }

    private static Provenance learner(int round) {
        return new Provenance("dictionary", "", "", round);
    }

    private static List<Suggestion> copy(Document d, int round) {
        return d.mentions().stream()
                .map(m -> new Suggestion(new EntityMention("r" + round + "-" + m.id(), m.type(), m.spans(), List.of()), learner(round), 0.9))
                .toList();
    }
}
