package taiyi.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/**
 * Optimistic concurrency per document: a decision made on a history someone else has added to since
 * is refused, naming who changed what, and records nothing; made again on the reloaded history it
 * goes through. Curators are named on their events, and their decisions and time are counted.
 */
class StaleDecisionTest {

    private static final String CORPUS = "cdr";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void aDecisionOnAnOutdatedHistoryIsRefusedNamingWhoChangedWhat(StoreKind kind) throws Exception {
        Document doc = new PubTatorReader().read(Path.of(System.getProperty("taiyi.testdata"),
                "bc5cdr/CDR_DevelopmentSet.PubTator.txt")).get(0);
        EntityMention first = doc.mentions().get(0);
        try (CorpusStore store = CorpusStore.open(kind.newDatabase(dir))) {
            store.documents().importDocuments(CORPUS, List.of(doc), "CDR_DevelopmentSet.PubTator.txt");
            long seenByAnn = store.log().newestEventId(CORPUS, doc.id());
            long seenByBob = seenByAnn;
            long annSawFirst = seenByAnn;

            // bob deletes the first mention while ann still looks at it
            CorrectionEvent bobs = store.log().record(CORPUS, CorrectionEvent.onMention(doc.id(), "bob", CorrectionAction.DELETE,
                    first, null, null, "editor", 1200), seenByBob);
            EntityMention retyped = new EntityMention(first.id(), "Disease", first.spans(), first.normalizations(), first.attributes());
            StaleDecisionException e = assertThrows(StaleDecisionException.class, () -> store.log().record(CORPUS,
                    CorrectionEvent.onMention(doc.id(), "ann", CorrectionAction.MODIFY, first, retyped, null, "editor", 800),
                    annSawFirst));
            assertTrue(e.getMessage().contains("bob DELETE " + first.id()), e.getMessage());
            assertTrue(e.getMessage().contains("event " + bobs.id()), e.getMessage());
            assertEquals(List.of(bobs.id()), e.changes().stream().map(CorrectionEvent::id).toList());
            assertEquals(2, store.log().events(CORPUS, doc.id()).size(), "the refused decision left an event");
            CuratedLayerAssertions.assertCuratedLayerIsTheFold(store, CORPUS, doc.id());

            // reloaded, ann sees the mention gone and decides on what is there
            seenByAnn = store.log().newestEventId(CORPUS, doc.id());
            EntityMention second = doc.mentions().get(1);
            store.log().record(CORPUS, CorrectionEvent.onMention(doc.id(), "ann", CorrectionAction.DELETE, second, null, null,
                    "editor", 800), seenByAnn);
            CuratedLayerAssertions.assertCuratedLayerIsTheFold(store, CORPUS, doc.id());

            assertEquals(List.of(new CuratorStats("ann", 1, 800, 1), new CuratorStats("bob", 1, 1200, 1)),
                    store.statistics().curators(CORPUS));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void importsAreNamedByTheDatabaseRoleOrTheSystemUser(StoreKind kind) throws Exception {
        Document doc = new PubTatorReader().read(Path.of(System.getProperty("taiyi.testdata"),
                "bc5cdr/CDR_DevelopmentSet.PubTator.txt")).get(0);
        StoreLocation db = kind.newDatabase(dir);
        try (CorpusStore store = CorpusStore.open(db)) {
            String expected = db.isServer() ? db.user() : System.getProperty("user.name");
            assertEquals(expected, store.curator());
            store.documents().importDocuments(CORPUS, List.of(doc), "CDR_DevelopmentSet.PubTator.txt");
            assertEquals(expected, store.log().events(CORPUS, doc.id()).get(0).user());
        }
    }
}
