package taiyi.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/** Curator decisions on a real abstract: the curated layer always equals the fold of the log. */
class CorrectionLogTest {

    private static final String CORPUS = "cdr";
    @TempDir
    Path dir;
    private Document original;

    /** A new database of the kind with the test's documents imported. */
    private StoreLocation importOneAbstract(StoreKind kind) throws Exception {
        StoreLocation db = kind.newDatabase(dir);
        List<Document> docs = new PubTatorReader().read(Path.of(System.getProperty("taiyi.testdata"),
                "bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
        original = docs.get(0);
        try (CorpusStore store = CorpusStore.open(db)) {
            store.documents().importDocuments(CORPUS, docs.subList(0, 3), "CDR_DevelopmentSet.PubTator.txt");
        }
        return db;
    }

    private static List<EntityMention> sorted(List<EntityMention> mentions) {
        return mentions.stream().sorted(Comparator.comparing(EntityMention::id)).toList();
    }

    private static void assertCuratedIsTheFold(CorpusStore store, String id) {
        Document curated = store.documents().document(CORPUS, id).orElseThrow();
        CurationFold fold = store.log().fold(CORPUS, id);
        assertEquals(sorted(fold.curated().mentions()), sorted(curated.mentions()));
        assertEquals(fold.curated().relations().stream().sorted(Comparator.comparing(Relation::id)).toList(),
                curated.relations().stream().sorted(Comparator.comparing(Relation::id)).toList());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void everyKindOfDecisionIsLoggedAndTheCuratedLayerFollows(StoreKind kind) throws Exception {
        StoreLocation db = importOneAbstract(kind);
        String id = original.id();
        EntityMention first = original.mentions().get(0);
        EntityMention retyped = new EntityMention(first.id(), "Disease", first.spans(), first.normalizations(), Map.of());
        try (CorpusStore store = CorpusStore.open(db)) {
            store.suggestions().addSuggestions(CORPUS, id, List.of(
                    new Suggestion(EntityMention.of("S1", "Chemical", 0, 9, List.of()), new Provenance("taiyi-qwen-7b", "", "ner-en-1", 1), -0.12),
                    new Suggestion(EntityMention.of("S2", "Disease", 10, 15, List.of()), new Provenance("taiyi-qwen-7b", "", "ner-en-1", 1), -2.3)));
            assertEquals(CurationState.NEW, store.log().curation(CORPUS, id).state());

            store.log().record(CORPUS, CorrectionEvent.onMention(id, "ann", CorrectionAction.MODIFY, first, retyped, null, "editor", 800));
            EntityMention accepted = EntityMention.of("M-S1", "Chemical", 0, 9, List.of());
            store.log().record(CORPUS, CorrectionEvent.onMention(id, "ann", CorrectionAction.ACCEPT, null, accepted, "S1", "editor", 210));
            store.log().record(CORPUS, CorrectionEvent.decision(id, "ann", CorrectionAction.REJECT, "S2", "editor", 190));
            EntityMention last = original.mentions().stream().filter(m -> original.relations().stream()
                    .noneMatch(r -> m.isNormalizedTo(r.head()) || m.isNormalizedTo(r.tail()))).reduce((a, b) -> b).orElseThrow();
            store.log().record(CORPUS, CorrectionEvent.onMention(id, "ann", CorrectionAction.DELETE, last, null, null, "editor", 90));
            store.log().record(CORPUS, CorrectionEvent.onRelation(id, "ann", CorrectionAction.CREATE, null,
                    new Relation("R-new", "CID", "M-S1", first.id()), "relation-view", 1500));
            // a mention a relation points at cannot go while the relation stays
            StoreException dangling = assertThrows(StoreException.class, () -> store.log().record(CORPUS,
                    CorrectionEvent.onMention(id, "ann", CorrectionAction.DELETE, accepted, null, null, "editor", 90)));
            assertTrue(dangling.getMessage().contains("relation R-new"), dangling.getMessage());
            store.log().record(CORPUS, CorrectionEvent.decision(id, "ann", CorrectionAction.SKIP, null, "queue", 40));
            store.log().record(CORPUS, CorrectionEvent.decision(id, "ann", CorrectionAction.MARK_DONE, null, "editor", 30));

            List<CorrectionEvent> log = store.log().events(CORPUS, id);
            assertEquals(List.of(CorrectionAction.IMPORT, CorrectionAction.MODIFY, CorrectionAction.ACCEPT, CorrectionAction.REJECT,
                    CorrectionAction.DELETE, CorrectionAction.CREATE, CorrectionAction.SKIP, CorrectionAction.MARK_DONE),
                    log.stream().map(CorrectionEvent::action).toList());
            assertEquals(800, log.get(1).durationMs());
            assertEquals("relation-view", log.get(5).uiLocation());
            Document curated = store.documents().document(CORPUS, id).orElseThrow();
            assertTrue(curated.mentions().contains(retyped) && curated.mentions().contains(accepted));
            assertTrue(!curated.mentions().contains(last));
            assertEquals(original.mentions().size() + 1 - 1, curated.mentions().size());
            assertEquals(Map.of("S1", CorrectionAction.ACCEPT, "S2", CorrectionAction.REJECT), store.log().fold(CORPUS, id).decisions());
            assertEquals(new CorrectionStore.Curation(CurationState.DONE, "ann"), store.log().curation(CORPUS, id));
            assertCuratedIsTheFold(store, id);
            // the other documents are untouched
            assertEquals(CurationState.NEW, store.documents().summaries(CORPUS).get(1).state());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void undoAndRedoWalkTheLogAndSurviveARestart(StoreKind kind) throws Exception {
        StoreLocation db = importOneAbstract(kind);
        String id = original.id();
        EntityMention first = original.mentions().get(0);
        EntityMention second = original.mentions().get(1);
        try (CorpusStore store = CorpusStore.open(db)) {
            store.log().record(CORPUS, CorrectionEvent.onMention(id, "ann", CorrectionAction.DELETE, first, null, null, "editor", 10));
            store.log().record(CORPUS, CorrectionEvent.onMention(id, "ann", CorrectionAction.DELETE, second, null, null, "editor", 10));
            assertTrue(store.log().undo(CORPUS, id, "ann", "editor:ctrl+z").isPresent());
        }
        try (CorpusStore store = CorpusStore.open(db)) {
            Document afterRestart = store.documents().document(CORPUS, id).orElseThrow();
            assertTrue(afterRestart.mentions().contains(second) && !afterRestart.mentions().contains(first));
            store.log().undo(CORPUS, id, "ann", "editor:ctrl+z");
            assertEquals(sorted(original.mentions()), sorted(store.documents().document(CORPUS, id).orElseThrow().mentions()));
            assertTrue(store.log().undo(CORPUS, id, "ann", "editor:ctrl+z").isEmpty(), "nothing before the import to undo");
            store.log().redo(CORPUS, id, "ann", "editor:ctrl+shift+z");
            assertTrue(!store.documents().document(CORPUS, id).orElseThrow().mentions().contains(first));
            assertCuratedIsTheFold(store, id);
        }
        try (CorpusStore store = CorpusStore.open(db)) {
            CorrectionEvent redo = store.log().redo(CORPUS, id, "ann", "editor:ctrl+shift+z").orElseThrow();
            assertEquals(CorrectionAction.REDO, redo.action());
            assertTrue(store.log().redo(CORPUS, id, "ann", "editor").isEmpty());
            assertEquals(original.mentions().size() - 2, store.documents().document(CORPUS, id).orElseThrow().mentions().size());
            assertEquals(7, store.log().events(CORPUS, id).size(), "import, 2 deletes, 2 undos, 2 redos");
            assertCuratedIsTheFold(store, id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void impossibleDecisionsAreRefusedAndLeaveNoTrace(StoreKind kind) throws Exception {
        StoreLocation db = importOneAbstract(kind);
        String id = original.id();
        EntityMention first = original.mentions().get(0);
        EntityMention ghost = EntityMention.of("T999", "Disease", 0, 3, List.of());
        try (CorpusStore store = CorpusStore.open(db)) {
            assertThrows(StoreException.class, () -> store.log().record(CORPUS,
                    CorrectionEvent.onMention(id, "ann", CorrectionAction.DELETE, ghost, null, null, "editor", 1)));
            assertThrows(StoreException.class, () -> store.log().record(CORPUS,
                    CorrectionEvent.onMention(id, "ann", CorrectionAction.CREATE, null, first, null, "editor", 1)),
                    "an id that exists");
            assertThrows(StoreException.class, () -> store.log().record(CORPUS,
                    CorrectionEvent.onMention(id, "ann", CorrectionAction.ACCEPT, null, ghost, "S-none", "editor", 1)),
                    "a suggestion that does not exist");
            assertThrows(StoreException.class, () -> store.log().record(CORPUS,
                    CorrectionEvent.decision("no-such-doc", "ann", CorrectionAction.SKIP, null, "editor", 1)));
            assertEquals(1, store.log().events(CORPUS, id).size(), "only the import");
            assertEquals(original.mentions(), store.documents().document(CORPUS, id).orElseThrow().mentions());
        }
    }
}
