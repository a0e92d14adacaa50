package taiyi.workbench.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.store.CorpusStore;

/** The workbench's index follows imports and decisions on its own thread, and a search can wait for it. */
class BackgroundFollowerTest {

    @TempDir
    Path dir;

    @Test
    void importsAndDecisionsBecomeSearchableOnceCaughtUp() throws Exception {
        List<Document> docs = new PubTatorReader().read(Path.of(System.getProperty("taiyi.testdata"),
                "bc5cdr/CDR_DevelopmentSet.PubTator.txt")).subList(0, 40);
        try (CorpusStore store = CorpusStore.open(dir.resolve("db")); CorpusIndex index = CorpusIndex.open(dir.resolve("index"))) {
            IndexUpdater updater = new IndexUpdater(store, index).followInBackground();
            store.documents().importDocuments("cdr", docs, "CDR_DevelopmentSet.PubTator.txt");
            assertTrue(updater.awaitCaughtUp(30, TimeUnit.SECONDS));
            assertEquals(docs.size(), index.documentCount("cdr"));

            // a burst of decisions on one document: each returns without waiting, the last one is what is found
            Document first = docs.get(0);
            String word = first.text().substring(0, first.text().indexOf(' '));
            for (int i = 0; i < 20; i++) {
                EntityMention m = EntityMention.of("burst-" + i, "Gene", 0, word.length(), List.of());
                store.log().record("cdr", CorrectionEvent.onMention(first.id(), "ann", CorrectionAction.CREATE, null, m, null, "test", 0));
            }
            assertTrue(updater.awaitCaughtUp(30, TimeUnit.SECONDS));
            assertEquals(List.of(first.id()), index.search("cdr", "type:Gene", 10).documentIds());
            updater.unfollow();
        }
    }
}
