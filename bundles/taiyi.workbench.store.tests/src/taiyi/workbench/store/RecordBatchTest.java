package taiyi.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/**
 * Several decisions on a real abstract recorded as one batch (what accepting a suggested relation
 * with its two argument suggestions does): one transaction, all or nothing, each its own log entry.
 */
class RecordBatchTest {

    private static final String CORPUS = "cdr";
    @TempDir
    Path dir;
    private Document doc;
    private Suggestion chemical;
    private Suggestion disease;

    /** A new database of the kind with the test's documents imported. */
    private StoreLocation importWithSuggestions(StoreKind kind) throws Exception {
        StoreLocation db = kind.newDatabase(dir);
        List<Document> docs = new PubTatorReader().read(Path.of(System.getProperty("taiyi.testdata"),
                "bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
        doc = docs.get(0);
        EntityMention c = doc.mentions().stream().filter(m -> m.type().equals("Chemical")).findFirst().orElseThrow();
        EntityMention d = doc.mentions().stream().filter(m -> m.type().equals("Disease")).findFirst().orElseThrow();
        chemical = new Suggestion(new EntityMention("s-c", "Chemical", c.spans(), List.of()), new Provenance("taiyi", "", "ner-en", 1), -0.2);
        disease = new Suggestion(new EntityMention("s-d", "Disease", d.spans(), List.of()), new Provenance("taiyi", "", "ner-en", 1), -0.4);
        try (CorpusStore store = CorpusStore.open(db)) {
            store.documents().importDocuments(CORPUS, docs.subList(0, 2), "CDR_DevelopmentSet.PubTator.txt");
            store.suggestions().addSuggestions(CORPUS, doc.id(), List.of(chemical, disease), List.of(new RelationSuggestion(
                    new Relation("s-r", "CID", "s-c", "s-d"), new Provenance("taiyi", "", "re-en", 1), -0.9)), List.of());
        }
        return db;
    }

    private CorrectionEvent accept(Suggestion s, String curatedId) {
        EntityMention m = s.mention();
        return CorrectionEvent.onMention(doc.id(), "ann", CorrectionAction.ACCEPT, null,
                new EntityMention(curatedId, m.type(), m.spans(), m.normalizations()), s.id(), "editor:a", 0);
    }

    private CorrectionEvent acceptRelation(String head, String tail) {
        return new CorrectionEvent(0, doc.id(), "ann", Instant.now(), CorrectionAction.ACCEPT, null, null, null,
                new Relation("R-s-r", "CID", head, tail), "s-r", null, 0, "editor:a", 350);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void aRelationWithItsArgumentsIsOneBatchOfThreeEventsUndoneOneByOne(StoreKind kind) throws Exception {
        StoreLocation db = importWithSuggestions(kind);
        try (CorpusStore store = CorpusStore.open(db)) {
            List<List<String>> notified = new ArrayList<>();
            store.addChangeListener((corpus, ids) -> notified.add(ids));
            // the relation names the curated mentions the two ACCEPTs before it in the batch create
            List<CorrectionEvent> stored = store.log().record(CORPUS, List.of(accept(chemical, "M-c"), accept(disease, "M-d"),
                    acceptRelation("M-c", "M-d")));

            assertEquals(List.of(List.of(doc.id())), notified, "one notification for the batch");
            List<CorrectionEvent> log = store.log().events(CORPUS, doc.id());
            assertEquals(4, log.size(), "the import, then one entry per event");
            assertEquals(log.subList(1, 4), stored);
            assertEquals(List.of("s-c", "s-d", "s-r"), stored.stream().map(CorrectionEvent::suggestionId).toList());
            assertTrue(stored.get(0).id() < stored.get(1).id() && stored.get(1).id() < stored.get(2).id());
            assertEquals(350, stored.get(2).durationMs());
            Document curated = store.documents().document(CORPUS, doc.id()).orElseThrow();
            assertTrue(curated.relations().contains(new Relation("R-s-r", "CID", "M-c", "M-d")));
            assertEquals(doc.mentions().size() + 2, curated.mentions().size());
            assertEquals(Map.of("s-c", CorrectionAction.ACCEPT, "s-d", CorrectionAction.ACCEPT, "s-r", CorrectionAction.ACCEPT),
                    store.log().fold(CORPUS, doc.id()).decisions());

            // undo walks back the relation first, then each argument
            assertEquals(stored.get(2).id(), store.log().undo(CORPUS, doc.id(), "ann", "editor:ctrl+z").orElseThrow().refersTo());
            assertTrue(store.documents().document(CORPUS, doc.id()).orElseThrow().relations().stream().noneMatch(r -> r.id().equals("R-s-r")));
            assertEquals(stored.get(1).id(), store.log().undo(CORPUS, doc.id(), "ann", "editor:ctrl+z").orElseThrow().refersTo());
            assertEquals(Map.of("s-c", CorrectionAction.ACCEPT), store.log().fold(CORPUS, doc.id()).decisions());
            assertEquals(stored.get(0).id(), store.log().undo(CORPUS, doc.id(), "ann", "editor:ctrl+z").orElseThrow().refersTo());
            assertEquals(doc.mentions(), store.documents().document(CORPUS, doc.id()).orElseThrow().mentions());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void aBatchWhoseThirdEventIsImpossibleLeavesNothing(StoreKind kind) throws Exception {
        StoreLocation db = importWithSuggestions(kind);
        try (CorpusStore store = CorpusStore.open(db)) {
            List<List<String>> notified = new ArrayList<>();
            store.addChangeListener((corpus, ids) -> notified.add(ids));
            // the third creates a mention under the id the first of the batch gave the accepted chemical: only the
            // history with the batch's earlier events in it makes it impossible
            CorrectionEvent sameId = CorrectionEvent.onMention(doc.id(), "ann", CorrectionAction.CREATE, null,
                    EntityMention.of("M-c", "Disease", 0, 4, List.of()), null, "editor:1", 0);
            StoreException refused = assertThrows(StoreException.class, () -> store.log().record(CORPUS,
                    List.of(accept(chemical, "M-c"), accept(disease, "M-d"), sameId)));
            assertTrue(refused.getMessage().contains("event 3 of 3 (CREATE)") && refused.getMessage().contains("M-c"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("nothing of the batch was recorded"), refused.getMessage());
            assertNothingRecorded(store, notified);

            // a relation whose argument the batch never creates: the fold accepts it, the curated layer's check does not
            StoreException dangling = assertThrows(StoreException.class, () -> store.log().record(CORPUS,
                    List.of(accept(chemical, "M-c"), accept(disease, "M-d"), acceptRelation("M-c", "M-nowhere"))));
            assertTrue(dangling.getMessage().contains("event 3 of 3") && dangling.getMessage().contains("M-nowhere"),
                    dangling.getMessage());
            assertNothingRecorded(store, notified);

            // a suggestion the document does not have, named by the third event
            StoreException unknown = assertThrows(StoreException.class, () -> store.log().record(CORPUS, List.of(accept(chemical, "M-c"),
                    accept(disease, "M-d"), CorrectionEvent.decision(doc.id(), "ann", CorrectionAction.REJECT, "s-none", "e", 1))));
            assertTrue(unknown.getMessage().contains("event 3 of 3 (REJECT)") && unknown.getMessage().contains("s-none"),
                    unknown.getMessage());
            assertNothingRecorded(store, notified);

            // the store still takes the first two alone afterwards
            assertEquals(2, store.log().record(CORPUS, List.of(accept(chemical, "M-c"), accept(disease, "M-d"))).size());
            assertEquals(3, store.log().events(CORPUS, doc.id()).size());
        }
        // and the refused batches left nothing on disk either
        try (CorpusStore store = CorpusStore.open(db)) {
            assertEquals(3, store.log().events(CORPUS, doc.id()).size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void aBatchIsOnOneDocumentAndHoldsNoImport(StoreKind kind) throws Exception {
        StoreLocation db = importWithSuggestions(kind);
        try (CorpusStore store = CorpusStore.open(db)) {
            String otherId = store.documents().summaries(CORPUS).get(1).id();
            assertTrue(!otherId.equals(doc.id()));
            StoreException twoDocuments = assertThrows(StoreException.class, () -> store.log().record(CORPUS, List.of(
                    accept(chemical, "M-c"), CorrectionEvent.decision(otherId, "ann", CorrectionAction.SKIP, null, "e", 1))));
            assertTrue(twoDocuments.getMessage().contains("event 2 of 2") && twoDocuments.getMessage().contains(otherId),
                    twoDocuments.getMessage());
            assertEquals(1, store.log().events(CORPUS, doc.id()).size());
            assertEquals(List.of(), store.log().record(CORPUS, List.of()));
        }
    }

    private void assertNothingRecorded(CorpusStore store, List<List<String>> notified) {
        assertEquals(List.of(), notified, "no notification for a refused batch");
        assertEquals(1, store.log().events(CORPUS, doc.id()).size(), "only the import");
        assertEquals(doc.mentions(), store.documents().document(CORPUS, doc.id()).orElseThrow().mentions());
        assertEquals(Map.of(), store.log().fold(CORPUS, doc.id()).decisions());
    }
}
