package taiyi.workbench.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TestCorpora;

/** The curated material of the BC5CDR development set, all of it and only what was declared done. */
class CuratedCorpusTest {

    @TempDir
    Path folder;

    @Test
    void selectsDoneDocumentsWithTheirCuratedLayer() throws Exception {
        List<Document> devel = TestCorpora.bc5cdrDevel();
        try (CorpusStore store = CorpusStore.open(folder)) {
            store.documents().importDocuments("bc5cdr", devel, "test");
            Document second = devel.get(1);
            DocumentCuration.open(store, "bc5cdr", second.id()).markDone("test");

            List<CuratedDocument> all = CuratedCorpus.read(store, "bc5cdr", DocumentSelection.ALL);
            assertEquals(devel.size(), all.size());
            assertEquals(devel.get(0).mentions().size(), all.get(0).document().mentions().size());

            List<CuratedDocument> done = CuratedCorpus.read(store, "bc5cdr", DocumentSelection.DONE);
            assertEquals(1, done.size());
            assertEquals(second.id(), done.get(0).document().id());
            assertEquals(second.relations().size(), done.get(0).document().relations().size());
        }
    }

    @Test
    void namesTheAcceptedSelections() {
        assertEquals(DocumentSelection.DONE, DocumentSelection.parse(" Done "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DocumentSelection.parse("finished"));
        assertEquals("documents must be 'done' or 'all', not 'finished'", e.getMessage());
    }
}
