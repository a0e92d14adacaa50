package taiyi.workbench.learning.learner.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.inference.ScoreAttributes;
import taiyi.workbench.learning.DocumentSelection;
import taiyi.workbench.learning.learner.MentionLearner;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.learning.learner.dictionary.DictionaryLearner;
import taiyi.workbench.learning.learner.dictionary.DictionaryModel;
import taiyi.workbench.learning.learner.tagger.SequenceTaggerLearner;
import taiyi.workbench.learning.learner.tagger.TaggerSettings;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TestCorpora;

/**
 * The loop on a store of real BC5CDR abstracts: train on the done documents, suggest, accept a
 * suggestion, retrain, and the next round has learnt it; a cancelled retraining leaves the previous
 * model in place.
 */
class RetrainingTest {

    private static final String CORPUS = "cdr";

    @TempDir
    Path folder;

    /** Eleven curated abstracts marked done and a twelfth imported as bare text, still to curate. */
    private Document importCorpus(CorpusStore store) throws Exception {
        List<Document> docs = TestCorpora.bc5cdrDevel().subList(0, 12);
        Document target = docs.get(11);
        List<Document> imported = new ArrayList<>(docs.subList(0, 11));
        imported.add(new Document(target.id(), target.language(), target.text(), target.passages(), target.metadata(), List.of(), List.of()));
        store.documents().importDocuments(CORPUS, imported, "test");
        for (Document d : docs.subList(0, 11)) {
            DocumentCuration.open(store, CORPUS, d.id()).markDone("test");
        }
        return target;
    }

    private static List<MentionLearner> learners() {
        return List.of(new DictionaryLearner(0), new SequenceTaggerLearner(new TaggerSettings(30, 2, 10, false)));
    }

    @Test
    void anAcceptedSuggestionIsLearntByTheNextRound() throws Exception {
        try (CorpusStore store = CorpusStore.open(folder.resolve("db"))) {
            Document target = importCorpus(store);
            ModelShelf shelf = ModelShelf.beside(folder.resolve("db"));
            LiveModels live = new LiveModels();
            Retraining retraining = new Retraining(store, CORPUS, shelf, live);

            List<RetrainingResult> first = retraining.run(learners(), DocumentSelection.DONE, TrainingProgress.NONE);
            assertEquals(List.of(1, 1), first.stream().map(RetrainingResult::round).toList());
            assertEquals(11, first.get(1).trainingDocuments());
            assertEquals(12, first.get(1).suggestedDocuments());

            List<Suggestion> tagged = store.suggestions().suggestions(CORPUS, target.id()).stream()
                    .filter(s -> s.provenance().modelId().equals(SequenceTaggerLearner.ID)).toList();
            assertFalse(tagged.isEmpty(), "the tagger suggests mentions in the uncurated abstract");
            for (Suggestion s : tagged) {
                assertEquals(1, s.provenance().round());
                assertTrue(s.score() > 0 && s.score() <= 1);
                assertTrue(s.mention().attributes().containsKey(ScoreAttributes.RUNNER_UP_LABEL));
                assertTrue(s.mention().attributes().containsKey(ScoreAttributes.MARGIN));
            }
            // the curator accepts the tagger's most confident suggestion and finishes the abstract
            Suggestion accepted = tagged.stream().max(java.util.Comparator.comparingDouble(Suggestion::score)).orElseThrow();
            String acceptedText = target.text().substring(accepted.mention().start(), accepted.mention().end());
            DocumentCuration curation = DocumentCuration.open(store, CORPUS, target.id());
            curation.accept(accepted, "test");
            curation.markDone("test");
            int before = ((DictionaryModel) shelf.load(CORPUS, DictionaryLearner.ID, 1).model()).dictionary().entry(acceptedText)
                    == null ? 0 : ((DictionaryModel) shelf.load(CORPUS, DictionaryLearner.ID, 1).model()).dictionary()
                            .entry(acceptedText).curated(accepted.mention().type());

            List<RetrainingResult> second = retraining.run(learners(), DocumentSelection.DONE, TrainingProgress.NONE);
            assertEquals(List.of(2, 2), second.stream().map(RetrainingResult::round).toList());
            assertEquals(12, second.get(1).trainingDocuments());
            assertEquals(List.of(1, 2), shelf.rounds(CORPUS, SequenceTaggerLearner.ID));
            DictionaryModel dictionary = (DictionaryModel) live.current(CORPUS, DictionaryLearner.ID).orElseThrow().model();
            assertEquals(before + 1, dictionary.dictionary().entry(acceptedText).curated(accepted.mention().type()));
            EntityMention m = accepted.mention();
            assertTrue(live.current(CORPUS, SequenceTaggerLearner.ID).orElseThrow().model().predict(
                    store.documents().document(CORPUS, target.id()).orElseThrow()).mentions().stream()
                    .anyMatch(p -> p.start() == m.start() && p.end() == m.end() && p.type().equals(m.type())));
            assertTrue(store.suggestions().hasSuggestionsFrom(CORPUS, target.id(), SequenceTaggerLearner.ID, "", 2));
            // round 2 replaced round 1's open suggestions; the accepted one stays, the log names it
            assertEquals(List.of(accepted.id()), store.suggestions().suggestions(CORPUS, target.id()).stream()
                    .filter(s -> s.provenance().modelId().equals(SequenceTaggerLearner.ID) && s.provenance().round() == 1)
                    .map(Suggestion::id).toList());
        }
    }

    @Test
    void theOldModelKeepsSuggestingUntilTheNewOneIsReadyAndACancelledRoundLeavesNothing() throws Exception {
        try (CorpusStore store = CorpusStore.open(folder.resolve("db"))) {
            importCorpus(store);
            ModelShelf shelf = ModelShelf.beside(folder.resolve("db"));
            LiveModels live = new LiveModels();
            Retraining retraining = new Retraining(store, CORPUS, shelf, live);
            List<MentionLearner> tagger = List.of(new SequenceTaggerLearner(new TaggerSettings(10, 1, 10, false)));
            retraining.run(tagger, DocumentSelection.DONE, TrainingProgress.NONE);

            List<Integer> liveRoundWhileTraining = new ArrayList<>();
            TrainingProgress cancelSoon = new TrainingProgress() {
                @Override
                public void worked(int done, int total) {
                    liveRoundWhileTraining.add(live.current(CORPUS, SequenceTaggerLearner.ID).orElseThrow().round());
                }

                @Override
                public boolean isCancelled() {
                    return liveRoundWhileTraining.size() >= 3;
                }
            };
            assertThrows(CancellationException.class, () -> retraining.run(tagger, DocumentSelection.DONE, cancelSoon));
            assertEquals(List.of(1, 1, 1), liveRoundWhileTraining);
            assertEquals(List.of(1), shelf.rounds(CORPUS, SequenceTaggerLearner.ID));
            assertEquals(1, live.current(CORPUS, SequenceTaggerLearner.ID).orElseThrow().round());

            List<Integer> rounds = new ArrayList<>();
            retraining.run(tagger, DocumentSelection.DONE, new TrainingProgress() {
                @Override
                public void worked(int done, int total) {
                    rounds.add(live.current(CORPUS, SequenceTaggerLearner.ID).orElseThrow().round());
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
            // round 1 answered while round 2 trained; round 2 answers from the moment it was saved
            assertEquals(1, rounds.get(0));
            assertEquals(2, rounds.get(rounds.size() - 1));
            assertEquals(2, live.current(CORPUS, SequenceTaggerLearner.ID).orElseThrow().round());
        }
    }

    @Test
    void refusesACorpusWithNothingCurated() throws Exception {
        try (CorpusStore store = CorpusStore.open(folder.resolve("db"))) {
            store.documents().importDocuments(CORPUS, TestCorpora.bc5cdrDevel().subList(0, 2), "test");
            Retraining retraining = new Retraining(store, CORPUS, ModelShelf.beside(folder.resolve("db")), new LiveModels());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> retraining.run(learners(), DocumentSelection.DONE, TrainingProgress.NONE));
            assertEquals("corpus cdr has no done documents to learn from", e.getMessage());
        }
    }
}
