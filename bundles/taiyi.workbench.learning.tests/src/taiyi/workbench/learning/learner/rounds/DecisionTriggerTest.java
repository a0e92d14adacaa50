package taiyi.workbench.learning.learner.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TestCorpora;

/** Retraining every N decisions, counted from the correction log of a real corpus. */
class DecisionTriggerTest {

    @TempDir
    Path folder;

    @Test
    void firesEveryNDecisionsOfTheLog() throws Exception {
        try (CorpusStore store = CorpusStore.open(folder)) {
            List<Document> docs = TestCorpora.bc5cdrDevel().subList(0, 3);
            store.documents().importDocuments("cdr", docs, "test");
            assertEquals(0, store.log().decisionCount("cdr"), "imports are no decisions");
            DecisionTrigger trigger = new DecisionTrigger(3);
            List<Boolean> fired = new ArrayList<>();
            assertFalse(trigger.due(store.log().decisionCount("cdr")));
            Document d = docs.get(0);
            DocumentCuration curation = DocumentCuration.open(store, "cdr", d.id());
            for (EntityMention m : d.mentions().subList(0, 7)) {
                curation.delete(curation.model().mentions().stream().filter(x -> x.id().equals(m.id())).findFirst().orElseThrow(), "test");
                fired.add(trigger.due(store.log().decisionCount("cdr")));
            }
            assertEquals(7, store.log().decisionCount("cdr"));
            assertEquals(List.of(false, false, true, false, false, true, false), fired);
            DecisionTrigger never = new DecisionTrigger(0);
            assertFalse(never.due(0));
            assertFalse(never.due(1000));
        }
    }
}
