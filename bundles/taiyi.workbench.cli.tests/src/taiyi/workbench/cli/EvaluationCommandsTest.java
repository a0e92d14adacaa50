package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.cli.CommandRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.store.CorpusStore;

/** evaluate, its learning curve, and agreement from the command line, on the NCBI-disease development set. */
class EvaluationCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void evaluatesALearnersRoundStoresItAndDrawsTheCurve() throws Exception {
        String db = tmp.resolve("db").toString();
        String file = Path.of(System.getProperty("taiyi.testdata"), "ncbi-disease/pubtator/NCBIdevelopset_corpus.txt").toString();
        assertEquals(0, run("import", "--db", db, "--corpus", "ncbi", "--format", "pubtator", file).code());
        Document first;
        try (CorpusStore store = CorpusStore.open(tmp.resolve("db"))) {
            first = store.documents().allDocuments("ncbi").get(0);
            // round 1 finds every mention of the first document but its last one
            List<EntityMention> gold = first.mentions();
            List<Suggestion> suggestions = gold.subList(0, gold.size() - 1).stream()
                    .map(m -> new Suggestion(new EntityMention("s-" + m.id(), m.type(), m.spans(), List.of()),
                            new Provenance("dictionary", "", "", 1), 0.8))
                    .toList();
            store.suggestions().addSuggestions("ncbi", first.id(), suggestions);
            store.log().record("ncbi", CorrectionEvent.decision(first.id(), "ann", CorrectionAction.MARK_DONE, null, "test", 1_800_000));
        }
        int n = first.mentions().size();

        CommandRun evaluated = run("evaluate", "--db", db, "--corpus", "ncbi");
        assertEquals(0, evaluated.code(), evaluated.err());
        JsonNode json = new ObjectMapper().readTree(evaluated.lines().get(evaluated.lines().size() - 2));
        assertEquals(1, json.get("curated_documents").asInt());
        assertEquals(0.5, json.get("curation_hours").asDouble(), 1e-9);
        JsonNode micro = json.get("evaluations").get(0).get("mentions").get("micro");
        assertEquals(n - 1, micro.get("tp").asInt());
        assertEquals(0, micro.get("fp").asInt());
        assertEquals(1, micro.get("fn").asInt());
        String f1 = String.format(java.util.Locale.ROOT, "%.3f", 2.0 * (n - 1) / (2 * (n - 1) + 1));
        assertEquals("taiyi evaluate: 1 source rounds scored on 1 curated documents of 'ncbi'; best dictionary@1 micro-F1 " + f1,
                evaluated.last());
        assertTrue(evaluated.lines().get(0).startsWith("source"), evaluated.out());

        CommandRun curve = run("evaluate", "--db", db, "--corpus", "ncbi", "--curve", "--out", tmp.resolve("curve").toString());
        assertEquals(0, curve.code(), curve.err());
        List<String> csv = Files.readAllLines(tmp.resolve("curve/learning-curve.csv"));
        assertEquals("source,round,curated_documents,curation_hours,type,tp,fp,fn,precision,recall,f1", csv.get(0));
        assertTrue(csv.get(1).startsWith("dictionary,1,1,0.5000,micro," + (n - 1) + ",0,1,"), csv.get(1));
        assertTrue(Files.size(tmp.resolve("curve/learning-curve.png")) > 1000);

        CommandRun none = run("evaluate", "--db", db, "--corpus", "ncbi", "--source", "taiyi");
        assertEquals(1, none.code());
        assertEquals("taiyi evaluate: corpus 'ncbi' has no suggestions from taiyi to evaluate", none.err().strip());
    }

    @Test
    void twoCopiesOfTheSameImportAgreeFully() throws Exception {
        String db = tmp.resolve("db").toString();
        String file = Path.of(System.getProperty("taiyi.testdata"), "ncbi-disease/pubtator/NCBIdevelopset_corpus.txt").toString();
        assertEquals(0, run("import", "--db", db, "--corpus", "a", "--format", "pubtator", file).code());
        assertEquals(0, run("import", "--db", db, "--corpus", "b", "--format", "pubtator", file).code());
        CommandRun agreed = run("agreement", "--db", db, "--corpus", "a", "--corpus", "b", "--documents", "all");
        assertEquals(0, agreed.code(), agreed.err());
        assertTrue(agreed.last().startsWith("taiyi agreement: 100 documents, "), agreed.last());
        assertTrue(agreed.last().endsWith("mention micro-F1 1.000, Cohen's kappa 1.000"), agreed.last());

        CommandRun noneDone = run("agreement", "--db", db, "--corpus", "a", "--corpus", "b");
        assertEquals(1, noneDone.code());
        assertEquals("taiyi agreement: corpora 'a' and 'b' have no done document in common", noneDone.err().strip());
    }

    @Test
    void simulatesOnASmallSubsetWithTheDictionaryAndEndsInTheIssuesShape() throws Exception {
        String db = tmp.resolve("db").toString();
        String file = Path.of(System.getProperty("taiyi.testdata"), "ncbi-disease/pubtator/NCBIdevelopset_corpus.txt").toString();
        assertEquals(0, run("import", "--db", db, "--corpus", "ncbi", "--format", "pubtator", file).code());
        Path out = tmp.resolve("sim");
        CommandRun simulated = run("simulate", "--db", db, "--corpus", "ncbi", "--learner", "dictionary", "--strategy", "margin",
                "--seeds", "1", "--batch", "16", "--eval-fraction", "0.2", "--limit", "60", "--out", out.toString());
        assertEquals(0, simulated.code(), simulated.err());
        assertTrue(simulated.last().matches("taiyi simulate: full-data F1 \\d\\.\\d{3}; best strategy margin reaches 95% of it "
                + "with -?\\d+% fewer tokens than random"), simulated.last());
        // 60 documents, 12 held out, 48 revealed in 3 steps of 16, for random and margin
        assertEquals(1 + 2 * 3, Files.readAllLines(out.resolve("curves.csv")).size());
        assertTrue(Files.size(out.resolve("curves.png")) > 1000);

        CommandRun unknown = run("simulate", "--db", db, "--corpus", "ncbi", "--learner", "oracle", "--out", out.toString());
        assertEquals(1, unknown.code());
        assertEquals("taiyi simulate: unknown learner 'oracle' (known: tagger, dictionary)", unknown.err().strip());
    }
}
