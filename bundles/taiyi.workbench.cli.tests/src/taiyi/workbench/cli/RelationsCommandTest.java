package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.cli.CommandRun.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code taiyi relations inconsistent} and {@code taiyi relations graphml} on the BC5CDR development
 * set, against counts this test takes from the PubTator lines itself.
 */
class RelationsCommandTest {

    @TempDir
    Path tmp;

    private static Path develFile() {
        return Path.of(System.getProperty("taiyi.testdata"), "bc5cdr", "CDR_DevelopmentSet.PubTator.txt");
    }

    /** Per CID pair, how many abstracts leave it out while naming both concepts (pairs left out nowhere are not counted). */
    private static Map<String, Integer> unrelatedCounts() throws Exception {
        Map<String, Set<String>> concepts = new LinkedHashMap<>();
        Map<String, Set<String>> cid = new HashMap<>();
        for (String line : Files.readAllLines(develFile(), StandardCharsets.UTF_8)) {
            String[] cols = line.split("\t");
            if (cols.length == 4 && cols[1].equals("CID")) {
                cid.computeIfAbsent(cols[2] + " " + cols[3], k -> new HashSet<>()).add(cols[0]);
            } else if (cols.length >= 6) {
                for (String id : cols[5].split("\\|")) {
                    if (!id.equals("-1")) {
                        concepts.computeIfAbsent(cols[0], k -> new HashSet<>()).add(id);
                    }
                }
            }
        }
        Map<String, Integer> out = new HashMap<>();
        cid.forEach((pair, related) -> {
            String[] ends = pair.split(" ");
            long unrelated = concepts.entrySet().stream().filter(e -> !related.contains(e.getKey())
                    && e.getValue().contains(ends[0]) && e.getValue().contains(ends[1])).count();
            if (unrelated > 0) {
                out.put(pair, (int) unrelated);
            }
        });
        return out;
    }

    @Test
    void inconsistentPairsComeAsJsonLinesAndTheGraphAsGraphml() throws Exception {
        String db = tmp.resolve("db").toString();
        CommandRun imported = run("import", "--db", db, "--corpus", "cdr", "--format", "pubtator", develFile().toString());
        assertEquals(0, imported.code(), imported.err());

        CommandRun r = run("relations", "inconsistent", "--db", db, "--corpus", "cdr");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        Map<String, Integer> expected = unrelatedCounts();
        assertEquals("taiyi relations inconsistent: " + expected.size() + " concept pairs of corpus 'cdr' (500 documents) are "
                + "related in some documents and not in others naming both", r.last());
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Integer> actual = new HashMap<>();
        for (String line : lines.subList(0, lines.size() - 1)) {
            JsonNode json = mapper.readTree(line);
            assertEquals("CID", json.get("type").asText());
            assertEquals(json.get("unrelated").asInt(), json.get("unrelated_in").size());
            assertEquals(json.get("related").asInt(), json.get("related_in").size());
            actual.put(json.get("head").asText() + " " + json.get("tail").asText(), json.get("unrelated").asInt());
        }
        assertEquals(expected, actual);
        JsonNode first = mapper.readTree(lines.get(0));
        assertEquals(expected.values().stream().mapToInt(Integer::intValue).max().orElseThrow(), first.get("unrelated").asInt(),
                "the pair left out most often comes first");
        assertTrue(!first.get("head_label").asText().isBlank() && !first.get("tail_label").asText().isBlank(), first.toString());

        Path graphml = tmp.resolve("cdr.graphml");
        CommandRun g = run("relations", "graphml", "--db", db, "--corpus", "cdr", "--out", graphml.toString());
        assertEquals(0, g.code(), g.err());
        String xml = Files.readString(graphml);
        long nodes = xml.lines().filter(l -> l.startsWith("<node ")).count();
        long edges = xml.lines().filter(l -> l.startsWith("<edge ")).count();
        assertTrue(g.last().startsWith("taiyi relations graphml: corpus 'cdr', " + nodes + " concepts and " + edges + " edges"), g.last());
        // BC5CDR's development set: 1,012 CID relations over distinct pairs, each an edge
        assertEquals(1012, xml.lines().filter(l -> l.startsWith("<edge ")).mapToInt(l -> l.split("<data key=\"sources\">")[1]
                .split("<")[0].split(" ").length).sum());
    }

    @Test
    void anUnknownCorpusIsNamed() {
        CommandRun r = run("relations", "inconsistent", "--db", tmp.resolve("db").toString(), "--corpus", "nope");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no corpus 'nope'"), r.err());
    }
}
