package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.cli.CommandRun.run;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TestPostgres;

/**
 * {@code taiyi db copy} and {@code --db jdbc:postgresql://…} on the NCBI-disease development set
 * with decisions of two curators: H2 to PostgreSQL and back to a new H2 folder, each hop verified
 * by the command (row counts, the hash of every document's log), and {@code taiyi stats} the same
 * on all three, curators included.
 */
class DbCopyCommandTest {

    private static final String CORPUS = "ncbi";

    @TempDir
    Path tmp;

    private String previousDataFolder;
    private Path file;

    @BeforeEach
    void importAndDecide() throws Exception {
        // a server's local folder (its index) lies in the data folder: the test's own
        previousDataFolder = System.setProperty(WorkbenchDataFolder.PROPERTY, tmp.resolve("data").toString());
        file = Path.of(System.getProperty("taiyi.testdata"), "ncbi-disease", "pubtator", "NCBIdevelopset_corpus.txt");
        CommandRun imported = run("import", "--db", tmp.resolve("a").toString(), "--corpus", CORPUS, "--format", "pubtator",
                file.toString());
        assertEquals(0, imported.code(), imported.err());
        Document first = new PubTatorReader().read(file).get(0);
        try (CorpusStore store = CorpusStore.open(tmp.resolve("a"))) {
            store.log().record(CORPUS, CorrectionEvent.onMention(first.id(), "ann", CorrectionAction.DELETE, first.mentions().get(0),
                    null, null, "test", 1500));
            store.log().undo(CORPUS, first.id(), "bob", "test").orElseThrow();
            store.log().record(CORPUS, CorrectionEvent.decision(first.id(), "bob", CorrectionAction.MARK_DONE, null, "test", 700));
        }
    }

    @AfterEach
    void restoreDataFolder() {
        if (previousDataFolder == null) {
            System.clearProperty(WorkbenchDataFolder.PROPERTY);
        } else {
            System.setProperty(WorkbenchDataFolder.PROPERTY, previousDataFolder);
        }
    }

    private static JsonNode stats(String db) throws Exception {
        CommandRun r = run("stats", "--db", db, "--corpus", CORPUS);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.lines().get(0));
    }

    /** The logs' hash the copy printed for the corpus (the same in source and target, or it fails). */
    private static String copy(String from, String to) {
        CommandRun r = run("db", "copy", "--from", from, "--to", to);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.last().startsWith("taiyi db copy: 1 corpora, 100 documents, 103 log events copied from "), r.last());
        String line = r.lines().get(0);
        return line.substring(line.indexOf("logs sha256 ") + "logs sha256 ".length(), line.indexOf(" (equal in both)"));
    }

    @Test
    void aCorpusGoesToPostgreSqlAndBackWithItsLogs() throws Exception {
        String server = TestPostgres.newSchema();
        String a = tmp.resolve("a").toString();
        String b = tmp.resolve("b").toString();
        JsonNode original = stats(a);
        assertEquals(1, original.get("curators").get("ann").get("decisions").asInt());
        assertEquals(1500, original.get("curators").get("ann").get("duration_ms").asInt());
        assertEquals(2, original.get("curators").get("bob").get("decisions").asInt());

        String there = copy(a, server);
        assertEquals(original, stats(server));
        String back = copy(server, b);
        assertEquals(there, back);
        assertEquals(original, stats(b));

        // a corpus already in the target is refused, and nothing changes there
        CommandRun again = run("db", "copy", "--from", a, "--to", server);
        assertEquals(1, again.code());
        assertTrue(again.err().contains("corpus 'ncbi' is already in " + server), again.err());
        assertEquals(original, stats(server));
    }

    @Test
    void theCopyOfAChangedCorpusHashesDifferently() throws Exception {
        String a = tmp.resolve("a").toString();
        String before = copy(a, tmp.resolve("b").toString());
        Document second = new PubTatorReader().read(file).get(1);
        try (CorpusStore store = CorpusStore.open(tmp.resolve("a"))) {
            store.log().record(CORPUS, CorrectionEvent.decision(second.id(), "ann", CorrectionAction.SKIP, null, "test", 10));
        }
        CommandRun r = run("db", "copy", "--from", a, "--to", tmp.resolve("c").toString());
        assertEquals(0, r.code(), r.err());
        assertNotEquals(before, r.lines().get(0).replaceAll(".*logs sha256 (\\w+).*", "$1"));
    }

    @Test
    void aUrlCarryingAPasswordIsRefusedNamingTheVariable() {
        CommandRun r = run("stats", "--db", "jdbc:postgresql://127.0.0.1:5432/taiyi?user=x&password=secret", "--corpus", CORPUS);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("TAIYI_DB_"), r.err());
        assertTrue(!r.err().contains("secret") && !r.out().contains("secret"), "the password was echoed: " + r.err());
    }

    @Test
    void theSameDatabaseOnBothSidesIsRefused() {
        CommandRun r = run("db", "copy", "--from", tmp.resolve("a").toString(), "--to", tmp.resolve("a").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the same database"), r.err());
        assertEquals(List.of(), r.lines());
    }
}
