package taiyi.workbench.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TaiyiSuggestions;
import taiyi.workbench.testing.TestCorpora;

/**
 * The model's relation suggestions on a real BC5CDR abstract (PMID 6794356), without a display:
 * mention suggestions on the gold spans of lithium carbonate and three diseases it induces, and CID
 * relation suggestions between them, decided through {@link DocumentCuration}.
 */
class RelationSuggestionCurationTest {

    private static final String PMID = "6794356";
    private static final String CORPUS = "cdr";
    private static final String MODEL = TaiyiSuggestions.MODEL;
    private static Document abstractDoc;

    @TempDir
    Path tmp;

    private CorpusStore store;
    private DocumentCuration curation;

    @BeforeAll
    static void readAbstract() throws Exception {
        abstractDoc = TestCorpora.bc5cdrDevelAbstract(PMID);
    }

    @BeforeEach
    void importAndSuggest() {
        store = CorpusStore.open(tmp.resolve("db"));
        store.documents().importDocuments(CORPUS, List.of(abstractDoc), "CDR_DevelopmentSet.PubTator.txt");
        store.suggestions().addSuggestions(CORPUS, PMID, List.of(
                suggestion("P1", "Chemical", "Lithium carbonate", -0.1),
                suggestion("P2", "Disease", "cyanosis", -0.3),
                suggestion("P3", "Disease", "cardiac arrhythmia", -0.5),
                suggestion("P4", "Disease", "neurologic depression", -1.5)), List.of(
                        cid("RS1", "P1", "P2", -0.2),
                        cid("RS2", "P1", "P3", -0.9),
                        cid("RS3", "P1", "P4", -2.0)),
                List.of());
        curation = DocumentCuration.open(store, CORPUS, PMID);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Suggestion suggestion(String id, String type, String phrase, double score) {
        return TaiyiSuggestions.mention(abstractDoc, id, type, phrase, score);
    }

    private static RelationSuggestion cid(String id, String head, String tail, double score) {
        return TaiyiSuggestions.cid(id, head, tail, score);
    }

    private RelationSuggestion relationSuggestion(String id) {
        return curation.model().relationSuggestions().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private List<CorrectionEvent> log() {
        return store.log().events(CORPUS, PMID);
    }

    private CurationFold fold() {
        return store.log().fold(CORPUS, PMID);
    }

    private List<String> accepted() {
        return log().stream().filter(e -> e.action() == CorrectionAction.ACCEPT).map(CorrectionEvent::suggestionId).toList();
    }

    private void assertModelIsTheFold() {
        CurationFold fold = fold();
        assertEquals(new HashSet<>(fold.curated().mentions()), new HashSet<>(curation.model().mentions()));
        assertEquals(new HashSet<>(fold.curated().relations()), new HashSet<>(curation.model().relations()));
        curation.model().relationSuggestions().forEach(r -> assertEquals(fold.statusOf(r.id()), curation.model().status(r.id())));
        curation.model().suggestions().forEach(s -> assertEquals(fold.statusOf(s.id()), curation.model().status(s.id())));
    }

    @Test
    void aSuggestedRelationIsAcceptedWithItsArgumentsAndUndoneStepByStep() {
        Relation accepted = curation.accept(relationSuggestion("RS1"), "test");
        List<CorrectionEvent> made = log().subList(1, log().size());
        assertEquals(List.of("P1", "P2", "RS1"), made.stream().map(CorrectionEvent::suggestionId).toList());
        assertTrue(made.stream().allMatch(e -> e.action() == CorrectionAction.ACCEPT));
        EntityMention lithium = made.get(0).mentionAfter();
        EntityMention cyanosis = made.get(1).mentionAfter();
        assertEquals("Lithium carbonate", lithium.coveredText(abstractDoc.text()));
        assertEquals("cyanosis", cyanosis.coveredText(abstractDoc.text()));
        // the relation joins the curated mentions the argument suggestions became
        assertEquals(new Relation(accepted.id(), "CID", lithium.id(), cyanosis.id(), accepted.evidence()), accepted);
        assertTrue(fold().curated().relations().contains(accepted));
        assertEquals(cyanosis, curation.model().suggestedArgument("P2").orElseThrow());
        assertEquals(List.of("RS2", "RS3"), curation.model().openRelationSuggestions().stream().map(RelationSuggestion::id).toList());
        assertModelIsTheFold();

        curation.undo("test");
        assertFalse(fold().curated().relations().contains(accepted));
        assertEquals(Map.of("P1", CorrectionAction.ACCEPT, "P2", CorrectionAction.ACCEPT), fold().decisions());
        curation.undo("test");
        curation.undo("test");
        assertTrue(fold().decisions().isEmpty());
        assertEquals(new HashSet<>(abstractDoc.mentions()), new HashSet<>(fold().curated().mentions()));
        assertEquals(new HashSet<>(abstractDoc.relations()), new HashSet<>(fold().curated().relations()));
        assertModelIsTheFold();
    }

    @Test
    void aRelationWhoseArgumentWasRejectedIsRefusedWithTheReasonAndNothingWritten() {
        // another curator's decision arrives through the store; the curation is opened afresh on it
        store.log().record(CORPUS, CorrectionEvent.decision(PMID, "other", CorrectionAction.REJECT, "P2", "editor:keyboard", 10));
        curation = DocumentCuration.open(store, CORPUS, PMID);
        int before = log().size();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> curation.accept(relationSuggestion("RS1"), "test"));
        assertTrue(refused.getMessage().contains("RS1") && refused.getMessage().contains("P2")
                && refused.getMessage().contains("rejected"), refused.getMessage());
        assertEquals(before, log().size(), "a refused accept wrote events");
        assertNull(fold().decisions().get("P1"), "the head was accepted although the relation was refused");

        // accept-all passes over it with the reason, and takes the rest
        BulkDecision all = curation.acceptAll(SuggestionFilter.all(), "cli");
        assertEquals(List.of("RS1"), all.refused().stream().map(BulkDecision.Refusal::suggestionId).toList());
        assertTrue(all.refused().get(0).reason().contains("rejected"), all.refused().toString());
        // mentions by position (neurologic depression comes before cardiac arrhythmia), then relations
        assertEquals(List.of("P1", "P4", "P3", "RS2", "RS3"), accepted());
        assertEquals(5, all.count(CorrectionAction.ACCEPT));
        assertTrue(curation.model().isOpen(relationSuggestion("RS1")));
        assertModelIsTheFold();
    }

    @Test
    void acceptAllTakesRelationSuggestionsByScoreAndByRelationType() {
        assertEquals(5, curation.acceptAllScoredAtLeast(-1.0, "editor:accept-all"));
        // mentions first (P4 at -1.5 stays open), then the relations scored at least -1.0 (RS3 at -2.0 stays open)
        assertEquals(List.of("P1", "P2", "P3", "RS1", "RS2"), accepted());
        assertModelIsTheFold();

        assertEquals(2, curation.acceptAllOfType("CID", "editor:accept-all"));
        // the relation type's suggestion brings its open argument P4 along, as its own event first
        assertEquals(List.of("P1", "P2", "P3", "RS1", "RS2", "P4", "RS3"), accepted());
        assertEquals(abstractDoc.relations().size() + 3, fold().curated().relations().size());
        assertTrue(curation.model().openRelationSuggestions().isEmpty());
        assertModelIsTheFold();
    }

    @Test
    void rejectAllTakesOnlyTheSuggestionsItsFilterMatchesInOneEventEach() {
        // a second model's suggestion of round 2 beside the first model's of round 1
        store.suggestions().addSuggestions(CORPUS, PMID, List.of(new Suggestion(EntityMention.of("Q1", "Disease", abstractDoc.text().indexOf("toxicity"),
                abstractDoc.text().indexOf("toxicity") + "toxicity".length(), List.of()), new Provenance("dictionary", "", "dict", 2), -0.4)));
        curation = DocumentCuration.open(store, CORPUS, PMID);
        BulkDecision none = curation.rejectAll(new SuggestionFilter("dictionary", 1, null, null), "cli");
        assertTrue(none.recorded().isEmpty(), "the dictionary made nothing for round 1");

        BulkDecision round1Diseases = curation.rejectAll(new SuggestionFilter(MODEL, 1, "Disease", -1.0), "cli");
        assertEquals(List.of("P2", "P3"), round1Diseases.recorded().stream().map(CorrectionEvent::suggestionId).toList());
        assertTrue(round1Diseases.recorded().stream().allMatch(e -> e.action() == CorrectionAction.REJECT
                && e.uiLocation().equals("cli") && e.user().equals(System.getProperty("user.name"))));
        assertEquals(List.of("Q1", "P1", "P4"), curation.model().openSuggestions().stream().map(Suggestion::id).toList());

        BulkDecision relations = curation.rejectAll(SuggestionFilter.ofType("CID"), "cli");
        assertEquals(3, relations.count(CorrectionAction.REJECT));
        assertTrue(curation.model().openRelationSuggestions().isEmpty());
        assertModelIsTheFold();
    }
}
