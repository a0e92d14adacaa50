package taiyi.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.AnnotationSet;
import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.AnnotationLayer;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/**
 * A database an older workbench left at schema version 1 (documents and curated annotations, no
 * suggestion layer, no correction log) opens in this one: migrated to version 2, its documents
 * unchanged, each document's log started with one IMPORT of what it held, and curation going on
 * from there.
 */
class OlderSchemaMigrationTest {

    private static final String CORPUS = "cdr-v1";

    @TempDir
    Path dir;

    @Test
    void aVersion1DatabaseIsMigratedAndEachLogStartsWithTheDocumentsAnnotations() throws Exception {
        List<Document> docs = createVersion1Database();
        try (CorpusStore store = CorpusStore.open(dir)) {
            // every later migration runs on it, in order
            assertEquals(4, store.schemaVersion());
            assertEquals(List.of(1, 2, 3, 4), appliedVersions(store));
            assertLogsStartedFromTheVersion1Annotations(store, docs);
        }
        // opening again migrates nothing and starts no second log
        try (CorpusStore store = CorpusStore.open(dir)) {
            assertLogsStartedFromTheVersion1Annotations(store, docs);
        }
    }

    @Test
    void correctionsGoOnFromTheMigratedAnnotations() throws Exception {
        Document doc = createVersion1Database().get(0);
        try (CorpusStore store = CorpusStore.open(dir)) {
            EntityMention deleted = doc.mentions().get(0);
            EntityMention modified = doc.mentions().get(1);
            EntityMention retyped = new EntityMention(modified.id(), "Disease".equals(modified.type()) ? "Chemical" : "Disease",
                    modified.spans(), modified.normalizations(), modified.attributes());
            EntityMention created = EntityMention.of("hand-1", "Chemical", 0, 4, List.of());
            Relation relation = doc.relations().get(0);
            List<CorrectionEvent> decisions = List.of(
                    CorrectionEvent.onMention(doc.id(), "curator", CorrectionAction.DELETE, deleted, null, null, "test", 10),
                    CorrectionEvent.onMention(doc.id(), "curator", CorrectionAction.MODIFY, modified, retyped, null, "test", 10),
                    CorrectionEvent.onMention(doc.id(), "curator", CorrectionAction.CREATE, null, created, null, "test", 10),
                    CorrectionEvent.onRelation(doc.id(), "curator", CorrectionAction.DELETE, relation, null, "test", 10));
            for (CorrectionEvent e : decisions) {
                store.log().record(CORPUS, e);
            }
            Document edited = store.documents().document(CORPUS, doc.id()).orElseThrow();
            assertEquals(doc.mentions().size(), edited.mentions().size());
            assertEquals(retyped, edited.mention(modified.id()).orElseThrow());
            assertEquals(created, edited.mention("hand-1").orElseThrow());
            assertEquals(doc.relations().size() - 1, edited.relations().size());
            assertEquals(CurationState.IN_PROGRESS, store.log().curation(CORPUS, doc.id()).state());
            CuratedLayerAssertions.assertCuratedLayerIsTheFold(store, CORPUS, doc.id());

            // undo walks back to the migrated import, redo forward again
            for (int i = 0; i < decisions.size(); i++) {
                store.log().undo(CORPUS, doc.id(), "curator", "test").orElseThrow();
            }
            // the same annotations, though not in the same order: an undone DELETE brings its mention back last
            assertEquals(inIdOrder(doc), inIdOrder(store.documents().document(CORPUS, doc.id()).orElseThrow()));
            assertEquals(CurationState.NEW, store.log().curation(CORPUS, doc.id()).state());
            for (int i = 0; i < decisions.size(); i++) {
                store.log().redo(CORPUS, doc.id(), "curator", "test").orElseThrow();
            }
            assertEquals(inIdOrder(edited), inIdOrder(store.documents().document(CORPUS, doc.id()).orElseThrow()));
            CuratedLayerAssertions.assertCuratedLayerIsTheFold(store, CORPUS, doc.id());
        }
    }

    @Test
    void aMigrationInterruptedBeforeTheLogsStartedFinishesOnTheNextOpen() throws Exception {
        List<Document> docs = createVersion1Database();
        // what open() does first, and then the process dies: V2 (and later) are committed, the logs are not
        try (Connection c = dataSource().getConnection()) {
            assertEquals(4, new SchemaMigrator(CorpusStore.class.getClassLoader()).migrate(c));
        }
        try (CorpusStore store = CorpusStore.open(dir)) {
            assertEquals(4, store.schemaVersion());
            assertLogsStartedFromTheVersion1Annotations(store, docs);
        }
    }

    private static Document inIdOrder(Document d) {
        return new Document(d.id(), d.language(), d.text(), d.passages(), d.metadata(), d.labels(),
                d.mentions().stream().sorted(Comparator.comparing(EntityMention::id)).toList(),
                d.relations().stream().sorted(Comparator.comparing(Relation::id)).toList());
    }

    private static void assertLogsStartedFromTheVersion1Annotations(CorpusStore store, List<Document> docs) {
        assertEquals(docs.stream().map(Document::id).toList(),
                store.documents().summaries(CORPUS).stream().map(DocumentSummary::id).toList());
        for (Document doc : docs) {
            assertEquals(doc, store.documents().document(CORPUS, doc.id()).orElseThrow(), "document " + doc.id());
            List<CorrectionEvent> log = CuratedLayerAssertions.assertCuratedLayerIsTheFold(store, CORPUS, doc.id());
            assertEquals(1, log.size(), "log of " + doc.id());
            CorrectionEvent start = log.get(0);
            assertEquals(CorrectionAction.IMPORT, start.action());
            assertEquals(new AnnotationSet(doc.mentions(), doc.relations()), start.imported(), "IMPORT of " + doc.id());
            assertEquals("schema-migration:V2", start.uiLocation());
            assertEquals(CurationState.NEW, store.log().curation(CORPUS, doc.id()).state());
        }
    }

    /**
     * Builds what a version-1 workbench left behind with its own code path: the V1 schema, a corpus,
     * its label schema and its documents written by the inserter in one transaction (30 BC5CDR
     * abstracts: mentions with concepts, CID relations).
     */
    private List<Document> createVersion1Database() throws Exception {
        List<Document> docs = new PubTatorReader()
                .read(Path.of(System.getProperty("taiyi.testdata"), "bc5cdr/CDR_TrainingSet.PubTator.txt")).subList(0, 30);
        try (Connection c = dataSource().getConnection()) {
            assertEquals(1, new SchemaMigrator(CorpusStore.class.getClassLoader()).migrate(c, 1));
            c.setAutoCommit(false);
            long corpusId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO corpus (name, created_at) VALUES (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, CORPUS);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                corpusId = Jdbc.insertReturningKey(ps);
            }
            try (DocumentInserter inserter = new DocumentInserter(c)) {
                // version 1 had no log to start
                inserter.insert(corpusId, docs, AnnotationLayer.CURATED, (d, docId) -> { });
            }
            SchemaTypes.save(c, corpusId, LabelSchema.inferredFrom(docs));
            c.commit();
            assertEquals(1, SchemaMigrator.currentVersion(c));
        }
        return docs;
    }

    /** The database CorpusStore opens in the folder, by the same URL and user. */
    private JdbcDataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("taiyi") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        ds.setUser("taiyi");
        ds.setPassword("");
        return ds;
    }

    private static List<Integer> appliedVersions(CorpusStore store) throws Exception {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = store.connection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM schema_history ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }
}
