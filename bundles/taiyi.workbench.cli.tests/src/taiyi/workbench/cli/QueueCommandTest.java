package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.cli.CommandRun.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TaiyiSuggestions;

/**
 * {@code taiyi queue} on the BC5CDR development set with Taiyi suggestions on two abstracts: the one
 * where the model hesitated most between two tokens comes first, at that suggestion.
 */
class QueueCommandTest {

    @TempDir
    Path tmp;

    private String db;
    private List<Document> documents;

    @BeforeEach
    void importAndSuggest() throws Exception {
        db = tmp.resolve("db").toString();
        Path file = Path.of(System.getProperty("taiyi.testdata"), "bc5cdr", "CDR_DevelopmentSet.PubTator.txt");
        CommandRun imported = run("import", "--db", db, "--corpus", "cdr", "--format", "pubtator", file.toString());
        assertEquals(0, imported.code(), imported.err());
        documents = new PubTatorReader().read(file);
        try (CorpusStore store = CorpusStore.open(Path.of(db))) {
            // PMID 6794356 (first): 'lithium carbonate' with margin 0.6; the third abstract's first mention with margin 0.1
            Document first = documents.get(0);
            store.suggestions().addSuggestions("cdr", first.id(), List.of(
                    hesitant(TaiyiSuggestions.mention(first, "s-1-1", "Chemical", "lithium carbonate", -0.2), 0.6, 0.2),
                    hesitant(TaiyiSuggestions.mention(first, "s-1-2", "Disease", "cyanosis", -0.1), 0.8, 0.1)));
            Document third = documents.get(2);
            EntityMention gold = third.mentions().get(0);
            String phrase = third.text().substring(gold.start(), gold.end());
            store.suggestions().addSuggestions("cdr", third.id(), List.of(
                    hesitant(TaiyiSuggestions.mention(third, "s-1-1", gold.type(), phrase, -0.7), 0.1, 0.4)));
        }
    }

    private static Suggestion hesitant(Suggestion s, double margin, double runnerUp) {
        Map<String, String> attributes = new LinkedHashMap<>(s.mention().attributes());
        attributes.put("score.margin", Double.toString(margin));
        attributes.put("score.runnerUp", Double.toString(runnerUp));
        EntityMention m = s.mention();
        return new Suggestion(new EntityMention(m.id(), m.type(), m.spans(), m.normalizations(), attributes), s.provenance(),
                s.score());
    }

    @Test
    void printsTheRankedDocumentsAsJsonLinesMostHesitantFirst() throws Exception {
        CommandRun r = run("queue", "--db", db, "--corpus", "cdr", "--strategy", "margin", "--limit", "3", "--exploration", "0",
                "--warm-up", "0");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals(4, lines.size(), r.out());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        assertEquals(1, first.get("rank").asInt());
        assertEquals(documents.get(2).id(), first.get("document").asText());
        assertEquals("margin", first.get("strategy").asText());
        assertEquals(0.9, first.get("score").asDouble(), 1e-9);
        JsonNode top = first.get("suggestions").get(0);
        assertEquals("s-1-1", top.get("id").asText());
        assertEquals(TaiyiSuggestions.MODEL, top.get("source").asText());
        assertEquals(0.1, top.get("margin").asDouble(), 1e-9);
        assertTrue(first.get("reason").asText().contains("'" + top.get("text").asText() + "'"), first.get("reason").asText());
        JsonNode second = mapper.readTree(lines.get(1));
        assertEquals(documents.get(0).id(), second.get("document").asText());
        // inside it, lithium carbonate (margin 0.6) before cyanosis (0.8)
        assertEquals("lithium carbonate", second.get("suggestions").get(0).get("text").asText());
        assertEquals("cyanosis", second.get("suggestions").get(1).get("text").asText());
        assertEquals(0, mapper.readTree(lines.get(2)).get("score").asDouble(), 1e-9);
        assertEquals("taiyi queue: corpus 'cdr', strategy margin, 3 of " + documents.size()
                + " documents to curate (exploration share 0.00, 0 done)", r.last());
    }

    @Test
    void withNothingDoneTheExplorationShareMakesEveryPickRandom() throws Exception {
        CommandRun r = run("queue", "--db", db, "--corpus", "cdr", "--limit", "5", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        ObjectMapper mapper = new ObjectMapper();
        for (String line : r.lines().subList(0, 5)) {
            assertEquals("random", mapper.readTree(line).get("strategy").asText(), line);
        }
        assertTrue(r.last().endsWith("(exploration share 1.00, 0 done)"), r.last());
    }

    @Test
    void refusesAnUnknownStrategyOrShareNamingWhatItAccepts() {
        CommandRun unknown = run("queue", "--db", db, "--corpus", "cdr", "--strategy", "entropy");
        assertNotEquals(0, unknown.code());
        assertTrue(unknown.err().contains("unknown queue strategy 'entropy' (known: margin, random, least-confidence, mnlp, "
                + "margin-per-token, disagreement, diversity, cost)"), unknown.err());
        CommandRun share = run("queue", "--db", db, "--corpus", "cdr", "--exploration", "1.5");
        assertNotEquals(0, share.code());
        assertTrue(share.err().contains("--exploration must lie in [0, 1], not 1.5"), share.err());
    }
}
