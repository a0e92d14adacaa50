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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.pubtator.PubTatorReader;

class CorpusStoreTest {

    private static List<Document> ncbi;

    @TempDir
    Path dir;

    @BeforeAll
    static void readSample() throws Exception {
        ncbi = new PubTatorReader().read(Path.of(System.getProperty("taiyi.samples"), "NCBIdevelopset_corpus.txt"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void importedCorpusReadsBackEqual(StoreKind kind) {
        StoreLocation db = kind.newDatabase(dir);
        try (CorpusStore store = CorpusStore.open(db)) {
            assertEquals(100, store.documents().importDocuments("ncbi", ncbi, "NCBIdevelopset_corpus.txt"));
            assertEquals(List.of(new CorpusSummary("ncbi", 100, 787)), store.statistics().corpora());
            List<DocumentSummary> docs = store.documents().summaries("ncbi");
            assertEquals(ncbi.stream().map(Document::id).toList(), docs.stream().map(DocumentSummary::id).toList());
            for (Document expected : ncbi) {
                assertEquals(expected, store.documents().document("ncbi", expected.id()).orElseThrow());
            }
            assertTrue(store.documents().document("ncbi", "no-such-pmid").isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void reopeningKeepsDataAndDoesNotMigrateAgain(StoreKind kind) {
        StoreLocation db = kind.newDatabase(dir);
        try (CorpusStore store = CorpusStore.open(db)) {
            store.documents().importDocuments("ncbi", ncbi.subList(0, 3), "a");
        }
        try (CorpusStore store = CorpusStore.open(db)) {
            assertEquals(newestSchemaVersion(), store.schemaVersion());
            assertEquals(3, store.documents().summaries("ncbi").size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void aFailingImportLeavesNothingBehind(StoreKind kind) throws Exception {
        StoreLocation db = kind.newDatabase(dir);
        try (CorpusStore store = CorpusStore.open(db)) {
            store.documents().importDocuments("ncbi", ncbi.subList(0, 10), "first.txt");
            List<Document> clash = new ArrayList<>(ncbi.subList(10, 20));
            clash.add(ncbi.get(0));
            StoreException e = assertThrows(StoreException.class, () -> store.documents().importDocuments("ncbi", clash, "second.txt"));
            assertTrue(e.getMessage().startsWith("second.txt: document " + ncbi.get(0).id()), e.getMessage());
            assertEquals(10, store.documents().summaries("ncbi").size());

            // a failure inside the database (a type longer than the column) rolls back the corpus row too
            String longType = "X".repeat(500);
            Document bad = new Document("bad", Language.ENGLISH, "fever", List.of(), Map.of(),
                    List.of(EntityMention.of("T1", longType, 0, 5, List.of())), List.of());
            assertThrows(StoreException.class, () -> store.documents().importDocuments("other", List.of(ncbi.get(1), bad), "third.txt"));
            assertEquals(List.of("ncbi"), store.statistics().corpora().stream().map(CorpusSummary::name).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void migrationsAreRecordedWithChecksums(StoreKind kind) throws Exception {
        StoreLocation db = kind.newDatabase(dir);
        List<SchemaMigrator.Migration> available = new SchemaMigrator(CorpusStore.class.getClassLoader()).available();
        try (CorpusStore store = CorpusStore.open(db); Connection c = store.connection(); Statement st = c.createStatement()) {
            assertEquals(available.size(), store.schemaVersion());
            try (ResultSet rs = st.executeQuery("SELECT version, checksum FROM schema_history ORDER BY version")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertEquals(available.get(0).checksum(), rs.getString(2));
            }
            // tamper: the recorded checksum no longer matches the migration this build carries
            st.execute("UPDATE schema_history SET checksum = '" + "0".repeat(64) + "' WHERE version = 1");
        }
        StoreException e = assertThrows(StoreException.class, () -> CorpusStore.open(db));
        assertTrue(e.getMessage().contains("changed after it was applied"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void everyPartOfTheModelIsStoredLosslessly(StoreKind kind) {
        StoreLocation db = kind.newDatabase(dir);
        String text = "𠮷 Cisplatin induced nephrotoxicity and hearing loss.";
        EntityMention chemical = new EntityMention("T1", "Chemical", List.of(new Span(3, 12)),
                List.of(new Normalization("MESH", "D002945"), new Normalization("", "C000001")), Map.of("Negated", "true",
                        "composite_parts", "a|b"));
        EntityMention disease = new EntityMention("T2", "Disease", List.of(new Span(21, 26), new Span(38, 45)),
                List.of(Normalization.parse("D007674")), Map.of());
        Document d = new Document("p1", Language.ENGLISH, text, List.of(new Passage("title", new Span(0, 12))),
                Map.of("pmid", "p1", "journal", "J"), List.of("Case Report", "Toxicity"), List.of(chemical, disease),
                List.of(new Relation("R1", "induces", "T1", "T2", List.of(new Span(3, 34))),
                        new Relation("R2", "CID", "D002945", "D007674")));
        try (CorpusStore store = CorpusStore.open(db)) {
            store.documents().importDocuments("tox", List.of(d), "hand-made");
            assertEquals(d, store.documents().document("tox", "p1").orElseThrow());
            assertEquals(List.of(d), store.documents().allDocuments("tox"));
            LabelSchema schema = store.documents().schema("tox");
            assertEquals(List.of("Chemical", "Disease"), schema.entityTypes().stream().map(EntityType::name).toList());
            assertEquals(List.of("induces", "CID"), schema.relationTypes().stream().map(EntityType::name).toList());
            assertEquals(List.of("Case Report", "Toxicity"), schema.documentLabels().stream().map(EntityType::name).toList());
            store.documents().setSchema("tox", new LabelSchema(List.of(new EntityType("Chemical", "Chemical", "化学物质"),
                    new EntityType("Disease", "Disease", "疾病")), schema.relationTypes(), schema.documentLabels()));
            assertEquals("化学物质", store.documents().schema("tox").entityType("Chemical").orElseThrow().chinese());
            CorpusStats stats = store.statistics().stats("tox");
            assertEquals(new CorpusStats("tox", 1, 2, 2, Map.of("Chemical", 1, "Disease", 1), Map.of("CID", 1, "induces", 1),
                    Map.of("en", 1)), stats);
            assertThrows(StoreException.class, () -> store.statistics().stats("no-such-corpus"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void statsCountTheRealSample(StoreKind kind) {
        StoreLocation db = kind.newDatabase(dir);
        try (CorpusStore store = CorpusStore.open(db)) {
            store.documents().importDocuments("ncbi", ncbi, "NCBIdevelopset_corpus.txt");
            CorpusStats stats = store.statistics().stats("ncbi");
            assertEquals(100, stats.documents());
            assertEquals(787, stats.mentions());
            // the corpus documentation's counts by type
            assertEquals(Map.of("CompositeMention", 35, "DiseaseClass", 126, "Modifier", 214, "SpecificDisease", 412),
                    stats.mentionsByType());
        }
    }

    private static int newestSchemaVersion() {
        return new SchemaMigrator(CorpusStore.class.getClassLoader()).available().size();
    }

    @Test
    void scriptsSplitIntoStatements() {
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE TABLE b (\n    y INT\n)"),
                SchemaMigrator.statements("-- comment\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n    y INT\n);\n"));
    }

    @Test
    void aCorpusKeepsItsLicenceAndEachDocumentItsLastEventAndCurators() {
        try (CorpusStore store = CorpusStore.open(dir)) {
            store.documents().importDocuments("ncbi", ncbi.subList(0, 2), "sample");
            assertTrue(store.documents().licence("ncbi").isEmpty());
            store.documents().setLicence("ncbi", "  public domain (US Government work) ");
            assertEquals("public domain (US Government work)", store.documents().licence("ncbi").orElseThrow());

            Document first = ncbi.get(0);
            EntityMention m = first.mentions().get(0);
            EntityMention retyped = new EntityMention(m.id(), "Modifier", m.spans(), m.normalizations());
            store.log().record("ncbi", taiyi.workbench.core.curation.CorrectionEvent.onMention(first.id(), "ann",
                    taiyi.workbench.core.curation.CorrectionAction.MODIFY, m, retyped, null, "editor", 500));
            taiyi.workbench.core.curation.CorrectionEvent last = store.log().record("ncbi",
                    taiyi.workbench.core.curation.CorrectionEvent.onMention(first.id(), "bob",
                            taiyi.workbench.core.curation.CorrectionAction.MODIFY, retyped, m, null, "editor", 400));

            Map<String, DocumentHistory> histories = store.log().histories("ncbi");
            assertEquals(last.id(), histories.get(first.id()).lastEventId());
            assertEquals(List.of("ann", "bob"), histories.get(first.id()).curators());
            // the second document has only its import: a log position, no curator
            DocumentHistory untouched = histories.get(ncbi.get(1).id());
            assertTrue(untouched.lastEventId() > 0 && untouched.lastEventId() < last.id());
            assertEquals(List.of(), untouched.curators());
            assertThrows(StoreException.class, () -> store.documents().setLicence("nope", "x"));
        }
    }
}
