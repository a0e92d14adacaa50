package taiyi.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.formats.pubtator.PubTatorReader;

class CorpusStoreTest {

    private static List<Document> ncbi;

    @TempDir
    Path dir;

    @BeforeAll
    static void readSample() throws Exception {
        ncbi = new PubTatorReader().read(Path.of(System.getProperty("taiyi.samples"), "NCBIdevelopset_corpus.txt"));
    }

    @Test
    void importedCorpusReadsBackEqual() {
        try (CorpusStore store = CorpusStore.open(dir)) {
            assertEquals(100, store.importDocuments("ncbi", ncbi, "NCBIdevelopset_corpus.txt"));
            assertEquals(List.of(new CorpusSummary("ncbi", 100, 787)), store.corpora());
            List<DocumentSummary> docs = store.documents("ncbi");
            assertEquals(ncbi.stream().map(Document::id).toList(), docs.stream().map(DocumentSummary::id).toList());
            for (Document expected : ncbi) {
                assertEquals(expected, store.document("ncbi", expected.id()).orElseThrow());
            }
            assertTrue(store.document("ncbi", "no-such-pmid").isEmpty());
        }
    }

    @Test
    void reopeningKeepsDataAndDoesNotMigrateAgain() {
        try (CorpusStore store = CorpusStore.open(dir)) {
            store.importDocuments("ncbi", ncbi.subList(0, 3), "a");
        }
        try (CorpusStore store = CorpusStore.open(dir)) {
            assertEquals(1, store.schemaVersion());
            assertEquals(3, store.documents("ncbi").size());
        }
    }

    @Test
    void aFailingImportLeavesNothingBehind() throws Exception {
        try (CorpusStore store = CorpusStore.open(dir)) {
            store.importDocuments("ncbi", ncbi.subList(0, 10), "first.txt");
            List<Document> clash = new ArrayList<>(ncbi.subList(10, 20));
            clash.add(ncbi.get(0));
            StoreException e = assertThrows(StoreException.class, () -> store.importDocuments("ncbi", clash, "second.txt"));
            assertTrue(e.getMessage().startsWith("second.txt: document " + ncbi.get(0).id()), e.getMessage());
            assertEquals(10, store.documents("ncbi").size());

            // a failure inside the database (a type longer than the column) rolls back the corpus row too
            String longType = "X".repeat(500);
            Document bad = new Document("bad", Language.ENGLISH, "fever", List.of(), Map.of(),
                    List.of(EntityMention.of("T1", longType, 0, 5, List.of())), List.of());
            assertThrows(StoreException.class, () -> store.importDocuments("other", List.of(ncbi.get(1), bad), "third.txt"));
            assertEquals(List.of("ncbi"), store.corpora().stream().map(CorpusSummary::name).toList());
        }
    }

    @Test
    void migrationsAreRecordedWithChecksums() throws Exception {
        List<SchemaMigrator.Migration> available = new SchemaMigrator(CorpusStore.class.getClassLoader()).available();
        try (CorpusStore store = CorpusStore.open(dir); Connection c = store.connection(); Statement st = c.createStatement()) {
            assertEquals(1, store.schemaVersion());
            try (ResultSet rs = st.executeQuery("SELECT version, checksum FROM schema_history ORDER BY version")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertEquals(available.get(0).checksum(), rs.getString(2));
            }
            // tamper: the recorded checksum no longer matches the migration this build carries
            st.execute("UPDATE schema_history SET checksum = '" + "0".repeat(64) + "' WHERE version = 1");
        }
        StoreException e = assertThrows(StoreException.class, () -> CorpusStore.open(dir));
        assertTrue(e.getMessage().contains("changed after it was applied"), e.getMessage());
    }

    @Test
    void scriptsSplitIntoStatements() {
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE TABLE b (\n    y INT\n)"),
                SchemaMigrator.statements("-- comment\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n    y INT\n);\n"));
    }
}
