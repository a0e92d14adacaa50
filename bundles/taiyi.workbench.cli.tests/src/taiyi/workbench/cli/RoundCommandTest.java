package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.cli.CommandRun.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code taiyi import --licence} and {@code taiyi round export} on the NCBI-disease development set. */
class RoundCommandTest {

    @TempDir
    Path tmp;

    private static Path data(String relative) {
        return Path.of(System.getProperty("taiyi.testdata"), relative);
    }

    private static String vocabulary() {
        return Path.of(System.getProperty("taiyi.testdata"))
                .resolveSibling("bundles/taiyi.workbench.inference.djl.tests/fixtures/tokenizer/qwen.tiktoken.gz").toString();
    }

    @Test
    void exportsARoundWithTheCorpusLicenceInItsManifest() throws Exception {
        String db = tmp.resolve("db").toString();
        CommandRun imported = run("import", "--db", db, "--corpus", "ncbi", "--format", "pubtator", "--licence",
                "public domain (US Government work)", data("ncbi-disease/pubtator/NCBIdevelopset_corpus.txt").toString());
        assertEquals(0, imported.code(), imported.err());

        Path out = tmp.resolve("round-1");
        CommandRun r = run("round", "export", "--db", db, "--corpus", "ncbi", "--round", "1", "--out", out.toString(),
                "--tokenizer", vocabulary(), "--documents", "all", "--tasks", "ner", "--seed", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.last().startsWith("taiyi round export: round 1, 100 documents, "), r.last());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("public domain (US Government work)", manifest.at("/sources/0/licence").asText());
        assertEquals(5, manifest.get("seed").asInt());
        long lines = Files.readAllLines(out.resolve("train.jsonl"), StandardCharsets.UTF_8).size()
                + Files.readAllLines(out.resolve("validation.jsonl"), StandardCharsets.UTF_8).size();
        // NCBI-disease has four types: the joint task and one sub-task each, per window
        assertEquals(manifest.at("/conversations/train").asInt() + manifest.at("/conversations/validation").asInt(), lines);
        assertEquals(5 * 100, lines + manifest.get("dropped").size());
    }

    @Test
    void badInputIsNamedAndNothingIsWritten() throws Exception {
        String db = tmp.resolve("db").toString();
        assertEquals(0, run("import", "--db", db, "--corpus", "ncbi", "--format", "pubtator",
                data("ncbi-disease/pubtator/NCBIdevelopset_corpus.txt").toString()).code());
        Path out = tmp.resolve("round");

        CommandRun unknown = run("round", "export", "--db", db, "--corpus", "nope", "--round", "1", "--out", out.toString(),
                "--tokenizer", vocabulary());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().startsWith("unknown corpus 'nope' (the database has ncbi)"), unknown.err());

        CommandRun none = run("round", "export", "--db", db, "--corpus", "ncbi", "--round", "1", "--out", out.toString(),
                "--tokenizer", vocabulary());
        assertEquals(1, none.code());
        assertTrue(none.err().startsWith("empty selection: no document marked done in ncbi"), none.err());

        Path replay = tmp.resolve("replay.jsonl");
        Files.writeString(replay, "{\"conversation_id\": 1, \"category\": \"NER\", \"dataset\": \"x\", \"language\": \"en\", "
                + "\"conversation\": [{\"human\": \"h\", \"assistant\": \"a\"}]}\nnot json\n", StandardCharsets.UTF_8);
        CommandRun bad = run("round", "export", "--db", db, "--corpus", "ncbi", "--round", "1", "--out", out.toString(),
                "--tokenizer", vocabulary(), "--documents", "all", "--replay", replay.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith(replay + ":2: not JSON"), bad.err());
        assertFalse(Files.exists(out));
    }
}
