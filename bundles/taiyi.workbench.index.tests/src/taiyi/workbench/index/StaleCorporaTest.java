package taiyi.workbench.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.store.CorpusStore;

/** One stale-index rule for the workbench and the CLI: a corpus is rebuilt when the index counts its documents differently. */
class StaleCorporaTest {

    @TempDir
    Path dir;

    @Test
    void aCorpusIsStaleWhenTheIndexCountsItsDocumentsDifferentlyNotOnlyWhenItHasNone() throws Exception {
        List<Document> docs = new PubTatorReader().read(Path.of(System.getProperty("taiyi.testdata"),
                "bc5cdr/CDR_DevelopmentSet.PubTator.txt")).subList(0, 30);
        try (CorpusStore store = CorpusStore.open(dir.resolve("db")); CorpusIndex index = CorpusIndex.open(dir.resolve("index"))) {
            IndexUpdater updater = new IndexUpdater(store, index);
            store.documents().importDocuments("cdr", docs.subList(0, 20), "CDR_DevelopmentSet.PubTator.txt");
            StaleCorpora stale = new StaleCorpora(store, index);
            assertTrue(stale.isStale("cdr"), "never indexed");
            assertEquals(List.of("cdr"), stale.rebuild(updater));
            assertEquals(20, index.documentCount("cdr"));
            assertFalse(stale.isStale("cdr"));

            // ten more imported while nobody followed the store: the index is not empty, but behind
            store.documents().importDocuments("cdr", docs.subList(20, 30), "CDR_DevelopmentSet.PubTator.txt");
            assertTrue(stale.isStale("cdr"));
            assertEquals(List.of("cdr"), stale.names());
            stale.rebuild(updater);
            assertEquals(30, index.documentCount("cdr"));
            assertEquals(List.of(), stale.names());

            // a corpus the database does not hold is stale only while the index still has documents of it
            assertFalse(stale.isStale("unknown"));
        }
    }
}
