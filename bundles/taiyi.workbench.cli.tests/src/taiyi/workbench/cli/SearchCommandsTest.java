package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code taiyi index rebuild} and {@code taiyi search} on the BC5CDR development set and CMeEE. */
class SearchCommandsTest {

    @TempDir
    Path tmp;

    private record Result(int code, List<String> lines, String err) {
        String last() {
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TaiyiCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString().lines().toList(), err.toString());
    }

    private static String data(String relative) {
        return Path.of(System.getProperty("taiyi.testdata"), relative).toString();
    }

    @Test
    void rebuildThenSearchPrintsJsonHitsAndASummary() throws Exception {
        String db = tmp.resolve("db").toString();
        assertEquals(0, run("import", "--db", db, "--corpus", "cdr", "--format", "pubtator",
                data("bc5cdr/CDR_DevelopmentSet.PubTator.txt")).code());
        Result rebuilt = run("index", "rebuild", "--db", db, "--corpus", "cdr");
        assertEquals(0, rebuilt.code(), rebuilt.err());
        assertTrue(rebuilt.last().startsWith("taiyi index rebuild: corpus 'cdr', 500 documents indexed"), rebuilt.last());
        assertTrue(Files.isDirectory(tmp.resolve("index")), "the index lies beside the database folder");

        Result found = run("search", "--db", db, "--corpus", "cdr", "--limit", "2", "cisplatin", "AND", "type:Chemical");
        assertEquals(0, found.code(), found.err());
        assertEquals(3, found.lines().size(), String.join("\n", found.lines()));
        ObjectMapper mapper = new ObjectMapper();
        for (String line : found.lines().subList(0, 2)) {
            JsonNode hit = mapper.readTree(line);
            assertTrue(hit.get("doc").asText().matches("\\d+"), line);
            assertTrue(hit.get("score").asDouble() > 0, line);
            assertTrue(hit.get("snippet").asText().toLowerCase().contains("<b>cisplatin</b>"), line);
        }
        assertTrue(found.last().matches("taiyi search: 3 documents match 'cisplatin AND type:Chemical' in corpus 'cdr' \\(2 shown\\).*"),
                found.last());
    }

    @Test
    void anImportIsSearchableAtOnceAFreshIndexIsBuiltOnFirstSearchAndASyntaxErrorPointsAtItsColumn() {
        String db = tmp.resolve("db").toString();
        assertEquals(0, run("import", "--db", db, "--corpus", "cmeee", "--format", "cmeee", data("cmeee/CMeEE_dev_subset.json")).code());
        Result found = run("search", "--db", db, "--corpus", "cmeee", "糖尿病", "type:dis");
        assertEquals(0, found.code(), found.err());
        assertTrue(!found.err().contains("indexed corpus"), "the import already indexed the corpus: " + found.err());
        assertTrue(found.last().contains("languages {zh="), found.last());

        Result fresh = run("search", "--db", db, "--index", tmp.resolve("fresh-index").toString(), "--corpus", "cmeee", "糖尿病",
                "type:dis");
        assertEquals(0, fresh.code(), fresh.err());
        assertTrue(fresh.err().contains("indexed corpus 'cmeee' (500 documents)"), fresh.err());
        assertEquals(found.last(), fresh.last());

        Result bad = run("search", "--db", db, "--corpus", "cmeee", "type:dis AND (status:unreviewed");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("taiyi search: query syntax error at column 14: '(' is never closed"), bad.err());
        assertTrue(!bad.err().contains("Exception") && !bad.err().contains("\tat "), bad.err());
    }
}
