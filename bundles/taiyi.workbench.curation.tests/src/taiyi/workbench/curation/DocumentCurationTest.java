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
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.curation.SuggestionStatus;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TaiyiSuggestions;
import taiyi.workbench.testing.TestCorpora;

/**
 * The editor's curation rules without a display: a real BC5CDR abstract (PMID 6794356, lithium
 * carbonate toxicity, with its concept-level CID relations) curated through {@link DocumentCuration},
 * the store's log and fold checked after every step, as the Xvfb editor tests check them through keys.
 */
class DocumentCurationTest {

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
    void importAbstract() {
        store = CorpusStore.open(tmp.resolve("db"));
        store.documents().importDocuments(CORPUS, List.of(abstractDoc), "CDR_DevelopmentSet.PubTator.txt");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Opens the document's curation as the editor or the CLI does, after the suggestions are in. */
    private DocumentCuration open() {
        curation = DocumentCuration.open(store, CORPUS, PMID);
        return curation;
    }

    private int at(String phrase) {
        int i = abstractDoc.text().indexOf(phrase);
        assertTrue(i >= 0, phrase + " is not in the abstract");
        return i;
    }

    private Suggestion suggestion(String id, String type, String phrase, double score) {
        return TaiyiSuggestions.mention(abstractDoc, id, type, phrase, score);
    }

    private void addMentionSuggestions() {
        store.suggestions().addSuggestions(CORPUS, PMID, List.of(
                suggestion("S1", "Disease", "massive tricuspid regurgitation", -0.30),
                suggestion("S2", "Chemical", "lithium compounds", -0.10),
                suggestion("S3", "Disease", "pregnancy", -1.50),
                suggestion("S4", "Disease", "heart disease", -0.05)));
    }

    private List<CorrectionEvent> log() {
        return store.log().events(CORPUS, PMID);
    }

    private CorrectionEvent lastEvent() {
        List<CorrectionEvent> log = log();
        return log.get(log.size() - 1);
    }

    private CurationFold fold() {
        return store.log().fold(CORPUS, PMID);
    }

    /** The model follows each decision without refolding: it must agree with the store's fold. */
    private void assertModelIsTheFold() {
        CurationFold fold = fold();
        AnnotationModel model = curation.model();
        assertEquals(new HashSet<>(fold.curated().mentions()), new HashSet<>(model.mentions()));
        assertEquals(new HashSet<>(fold.curated().relations()), new HashSet<>(model.relations()));
        for (Suggestion s : model.suggestions()) {
            assertEquals(fold.statusOf(s.id()), model.status(s.id()), "status of " + s.id());
        }
        model.relationSuggestions().forEach(r -> assertEquals(fold.statusOf(r.id()), model.status(r.id()), "status of " + r.id()));
    }

    private EntityMention curatedAt(String phrase) {
        return curation.model().mentionsAt(at(phrase)).get(0);
    }

    @Test
    void aLabelledSelectionIsTrimmedOfBlanksAndUndoRedoWalkTheLog() {
        open();
        int start = at("newborn");
        // a selection dragged over the blanks on both sides labels the word only
        EntityMention created = curation.label(start - 1, start + "newborn".length() + 1, "Disease", "test");
        assertEquals("newborn", created.coveredText(abstractDoc.text()));
        CorrectionEvent event = lastEvent();
        assertEquals(CorrectionAction.CREATE, event.action());
        assertEquals(System.getProperty("user.name"), event.user());
        assertEquals(created, event.mentionAfter());
        assertTrue(fold().curated().mentions().contains(created));
        assertModelIsTheFold();

        int blank = at(" is described");
        IllegalArgumentException onlyBlank = assertThrows(IllegalArgumentException.class,
                () -> curation.label(blank, blank + 1, "Disease", "test"));
        assertTrue(onlyBlank.getMessage().contains("select some text"), onlyBlank.getMessage());
        assertEquals(event.id(), lastEvent().id(), "a refused label wrote an event");

        assertEquals(event.id(), curation.undo("test").orElseThrow().refersTo());
        assertFalse(fold().curated().mentions().contains(created));
        assertModelIsTheFold();
        assertEquals(CorrectionAction.REDO, curation.redo("test").orElseThrow().action());
        assertTrue(fold().curated().mentions().contains(created));
        assertEquals(abstractDoc.mentions().size() + 1, curation.model().mentions().size());
        assertModelIsTheFold();
    }

    @Test
    void suggestionsAreAcceptedRejectedAndSkippedAndASkipLeavesThemOpen() {
        addMentionSuggestions();
        open();
        AnnotationModel model = curation.model();
        assertEquals(List.of("S1", "S2", "S3", "S4"), model.openSuggestions().stream().map(Suggestion::id).toList());

        EntityMention accepted = curation.accept(model.suggestion("S1").orElseThrow(), "test");
        assertEquals("massive tricuspid regurgitation", accepted.coveredText(abstractDoc.text()));
        assertEquals(CorrectionAction.ACCEPT, lastEvent().action());
        assertEquals("S1", lastEvent().suggestionId());
        curation.reject(model.suggestion("S2").orElseThrow(), "test");
        curation.skip(model.suggestion("S3").orElseThrow(), "test");
        assertEquals(CorrectionAction.SKIP, lastEvent().action());

        CurationFold fold = fold();
        assertEquals(SuggestionStatus.ACCEPTED, fold.statusOf("S1"));
        assertEquals(SuggestionStatus.REJECTED, fold.statusOf("S2"));
        assertTrue(fold.isOpen("S3"), "a skip decides nothing");
        assertTrue(fold.curated().mentions().contains(accepted));
        assertEquals(List.of("S3", "S4"), model.openSuggestions().stream().map(Suggestion::id).toList());
        // the next open suggestion after the skipped S3 is S4, and after S4 the walk wraps back to S3
        assertEquals("S4", model.nextOpenSuggestionAfter(model.suggestion("S3").orElseThrow()).orElseThrow().id());
        assertEquals("S3", model.nextOpenSuggestionAfter(model.suggestion("S4").orElseThrow()).orElseThrow().id());
        assertModelIsTheFold();

        // undoing the REJECT opens S2 again
        curation.undo("test");
        curation.undo("test");
        assertEquals(SuggestionStatus.OPEN, fold().statusOf("S2"));
        assertTrue(model.isOpen(model.suggestion("S2").orElseThrow()));
        assertModelIsTheFold();
    }

    @Test
    void acceptAllOfATypeIsOneEventPerSuggestionAndUndoableOneByOne() {
        addMentionSuggestions();
        open();
        assertEquals(3, curation.acceptAllOfType("Disease", "editor:accept-all"));
        List<CorrectionEvent> accepts = log().stream().filter(e -> e.action() == CorrectionAction.ACCEPT).toList();
        assertEquals(List.of("S1", "S3", "S4"), accepts.stream().map(CorrectionEvent::suggestionId).toList());
        assertTrue(accepts.stream().allMatch(e -> e.uiLocation().equals("editor:accept-all")));
        assertEquals(List.of("S2"), curation.model().openSuggestions().stream().map(Suggestion::id).toList());

        curation.undo("test");
        assertEquals(Map.of("S1", CorrectionAction.ACCEPT, "S3", CorrectionAction.ACCEPT), fold().decisions());
        assertModelIsTheFold();

        // S4 (-0.05) came back open with the undo; S2 (-0.10) and S4 are at least -0.2
        assertEquals(2, curation.acceptAllScoredAtLeast(-0.2, "editor:accept-all"));
        assertEquals(Map.of("S1", CorrectionAction.ACCEPT, "S2", CorrectionAction.ACCEPT, "S3", CorrectionAction.ACCEPT,
                "S4", CorrectionAction.ACCEPT), fold().decisions());
        assertTrue(curation.model().openSuggestions().isEmpty());
        assertModelIsTheFold();
    }

    @Test
    void aMentionARelationUsesIsNotDeletedAndARelationNeedsTwoMentions() {
        open();
        EntityMention lithium = curatedAt("lithium carbonate");
        EntityMention toxicity = curatedAt("toxicity");
        IllegalArgumentException self = assertThrows(IllegalArgumentException.class,
                () -> curation.relate("CID", lithium, lithium, "test"));
        assertTrue(self.getMessage().contains("two different mentions"), self.getMessage());
        assertEquals(1, log().size(), "a refused relation wrote an event");

        Relation related = curation.relate("CID", lithium, toxicity, "test");
        assertTrue(fold().curated().relations().contains(related));
        IllegalArgumentException used = assertThrows(IllegalArgumentException.class, () -> curation.delete(toxicity, "test"));
        assertTrue(used.getMessage().contains(related.id()) && used.getMessage().contains("delete the relation first"),
                used.getMessage());
        assertTrue(fold().curated().mentions().contains(toxicity));

        curation.deleteRelation(related, "test");
        curation.delete(toxicity, "test");
        assertEquals(CorrectionAction.DELETE, lastEvent().action());
        assertFalse(fold().curated().mentions().contains(toxicity));

        EntityMention retyped = curation.retype(curatedAt("cyanosis"), "Chemical", "test");
        assertEquals(CorrectionAction.MODIFY, lastEvent().action());
        assertEquals("Disease", lastEvent().mentionBefore().type());
        assertTrue(fold().curated().mentions().contains(retyped));
        assertModelIsTheFold();
    }

    @Test
    void conceptLevelCidArgumentsResolveToTheConceptsMentions() {
        open();
        AnnotationModel model = curation.model();
        // BC5CDR's CID relations name MeSH concepts: D016651 is lithium carbonate, said twice in the abstract
        Relation cyanosis = model.relations().stream().filter(r -> r.tail().equals("D003490")).findFirst().orElseThrow();
        assertTrue(model.isConceptLevel(cyanosis));
        List<EntityMention> lithium = model.argumentMentions(cyanosis.head());
        assertEquals(List.of("lithium carbonate", "Lithium carbonate"),
                lithium.stream().map(m -> m.coveredText(abstractDoc.text())).toList());
        assertEquals("cyanosis", model.suggestedArgument("D003490").orElseThrow().coveredText(abstractDoc.text()));
        assertEquals(3, model.relationsOf(lithium.get(1)).size(), "the three CID relations of lithium carbonate");
        assertTrue(model.argumentMentions("D999999").isEmpty());
    }

    @Test
    void markDoneAndReopenAreRefusedWhenTheyChangeNothing() {
        open();
        curation.markDone("cli");
        assertEquals(CurationState.DONE, fold().state());
        assertEquals(CorrectionAction.MARK_DONE, lastEvent().action());
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () -> curation.markDone("cli"));
        assertTrue(again.getMessage().contains("already done"), again.getMessage());

        long done = lastEvent().id();
        CorrectionEvent reopened = curation.reopen("cli");
        assertEquals(CorrectionAction.UNDO, reopened.action());
        assertEquals(done, reopened.refersTo());
        assertFalse(fold().state() == CurationState.DONE);
        assertThrows(IllegalArgumentException.class, () -> curation.reopen("cli"));
    }
}
