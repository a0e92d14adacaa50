package taiyi.workbench.inference.preannotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.curation.LabelSuggestion;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.inference.GeneratedToken;
import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.PromptPiece;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.inference.task.WindowBudget;

/** Scoring, provenance, relations, labels, truncation and cancellation with scripted answers. */
class PreannotatorTest {

    private static final LabelSchema SCHEMA = new LabelSchema(
            List.of(new EntityType("Disease", "disease", "疾病"), new EntityType("Chemical", "chemical", "化学物质")),
            List.of(new EntityType("treats", "treats", "治疗")),
            List.of(new EntityType("Prevention", null, "预防"), new EntityType("Treatment", null, "治疗")));

    private static final GenerationOptions OPTIONS = new GenerationOptions(500, 1);

    /** One token per char, every one with the same log-probability. */
    private static Generation flat(String text, double logProbability, Generation.StopReason stop) {
        List<GeneratedToken> tokens = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            tokens.add(new GeneratedToken(i, logProbability, i, i + 1));
        }
        return new Generation(text, tokens, stop);
    }

    private static List<String> placed(Document d, DocumentPreannotation p) {
        return p.mentions().stream().map(s -> s.id() + " " + s.mention().type() + " "
                + d.text().substring(s.mention().start(), s.mention().end()) + "@" + s.mention().start()).toList();
    }

    @Test
    void anAnswerWithoutLogProbabilitiesIsStoredWithItsScoreMarkedUnknown() {
        Document d = Document.ofText("pmid-1", "Patients with asthma and lung cancer.");
        // what an endpoint that returns no log-probabilities yields: the text, no tokens
        ScriptedGenerator engine = new ScriptedGenerator(List.of(new Generation("Disease: asthma; lung cancer", List.of(),
                Generation.StopReason.STOP_TOKEN)));
        DocumentPreannotation p = new Preannotator(engine, SCHEMA, OPTIONS, 1)
                .annotate(List.of(d), EnumSet.of(TaskKind.NER), PreannotationListener.NONE, () -> false).get(0);
        assertEquals(List.of("s-1-1 Disease asthma@14", "s-1-2 Disease lung cancer@25"), placed(d, p));
        for (Suggestion s : p.mentions()) {
            assertEquals("true", s.mention().attributes().get(taiyi.workbench.inference.ScoreAttributes.UNKNOWN));
            assertEquals(null, s.mention().attributes().get(taiyi.workbench.inference.ScoreAttributes.MIN));
        }
    }

    @Test
    void eachMentionIsScoredByTheTokensThatWroteItAndCarriesItsProvenance() {
        Document d = Document.ofText("pmid-1", "Patients with asthma and lung cancer. Asthma again: asthma.");
        String answer = "Disease: asthma; lung cancer";
        ScriptedGenerator engine = new ScriptedGenerator(List.of(new Generation(answer,
                List.of(new GeneratedToken(1, -0.01, 0, 9), new GeneratedToken(2, -0.2, 9, 12), new GeneratedToken(3, -0.4, 12, 15),
                        new GeneratedToken(4, -0.05, 15, 16), new GeneratedToken(5, -1.0, 16, 21), new GeneratedToken(6, -3.0, 21, 28)),
                Generation.StopReason.STOP_TOKEN)));
        DocumentPreannotation p = new Preannotator(engine, SCHEMA, OPTIONS, 2)
                .annotate(List.of(d), EnumSet.of(TaskKind.NER), PreannotationListener.NONE, () -> false).get(0);
        assertEquals(List.of("s-2-1 Disease asthma@14", "s-2-2 Disease lung cancer@25", "s-2-3 Disease asthma@52"), placed(d, p));
        Suggestion asthma = p.mentions().get(0);
        assertEquals(-0.3, asthma.score(), 1e-9);
        assertEquals("-0.4", asthma.mention().attributes().get("score.min"));
        assertEquals(-2.0, p.mentions().get(1).score(), 1e-9);
        assertEquals("-3.0", p.mentions().get(1).mention().attributes().get("score.min"));
        assertEquals(asthma.score(), p.mentions().get(2).score());
        assertEquals("DUTIR-BioNLP/Taiyi-LLM", asthma.provenance().modelId());
        assertEquals("adapter-r2", asthma.provenance().adapterId());
        assertEquals(2, asthma.provenance().round());
        assertTrue(asthma.provenance().promptTemplateId().matches("chatml/ner-en-\\d+"), asthma.provenance().promptTemplateId());
        assertEquals(List.of(), p.problems());
        // the document went in as text of a ChatML user turn
        List<PromptPiece> pieces = engine.prompts.get(0).pieces();
        assertTrue(pieces.stream().anyMatch(x -> x instanceof PromptPiece.Text t && t.text().startsWith("user\n")
                && t.text().contains(d.text())));
    }

    @Test
    void aMentionKeepsTheMarginOfItsMostHesitantTokenWhenTheEngineReportsRunnerUps() {
        Document d = Document.ofText("pmid-5", "Patients with asthma and lung cancer.");
        String answer = "Disease: asthma; lung cancer";
        // "asthma" (chars 9-15): tokens at p 0.6 vs 0.3 and 0.9 vs 0.05; "lung cancer" (17-28): no runner-up reported
        ScriptedGenerator engine = new ScriptedGenerator(List.of(new Generation(answer,
                List.of(new GeneratedToken(1, -0.01, 0, 9), new GeneratedToken(2, Math.log(0.6), 9, 12, 40, Math.log(0.3)),
                        new GeneratedToken(3, Math.log(0.9), 12, 15, 41, Math.log(0.05)), new GeneratedToken(4, -0.05, 15, 16),
                        new GeneratedToken(5, -1.0, 16, 21), new GeneratedToken(6, -3.0, 21, 28)),
                Generation.StopReason.STOP_TOKEN)));
        DocumentPreannotation p = new Preannotator(engine, SCHEMA, OPTIONS, 1)
                .annotate(List.of(d), EnumSet.of(TaskKind.NER), PreannotationListener.NONE, () -> false).get(0);
        Map<String, String> asthma = p.mentions().get(0).mention().attributes();
        assertEquals(0.3, Double.parseDouble(asthma.get("score.margin")), 1e-9);
        assertEquals(0.3, Double.parseDouble(asthma.get("score.runnerUp")), 1e-9);
        Map<String, String> cancer = p.mentions().get(1).mention().attributes();
        assertEquals(Map.of("score.min", "-3.0"), cancer);
    }

    @Test
    void relationArgumentsReuseNerSuggestionsOrBecomeMentionsOfTheirOwn() {
        Document d = Document.ofText("pmid-2", "Salbutamol relieves asthma. Asthma again: asthma.");
        ScriptedGenerator engine = new ScriptedGenerator(List.of(flat("Disease: asthma", -0.1, Generation.StopReason.STOP_TOKEN),
                flat("treats: [salbutamol, asthma]\nINHIBITS: [x, y]", -0.2, Generation.StopReason.STOP_TOKEN)));
        DocumentPreannotation p = new Preannotator(engine, SCHEMA, OPTIONS, 1)
                .annotate(List.of(d), EnumSet.of(TaskKind.RE, TaskKind.NER), PreannotationListener.NONE, () -> false).get(0);
        assertEquals(List.of("s-1-1 Disease asthma@20", "s-1-2 Disease asthma@42", "s-1-3 entity Salbutamol@0"), placed(d, p));
        Suggestion argument = p.mentions().get(2);
        assertEquals(Map.of("score.min", "-0.2", "match", "folded", "generated", "salbutamol", "relation.argument", "head"),
                argument.mention().attributes());
        assertEquals(1, p.relations().size());
        RelationSuggestion r = p.relations().get(0);
        assertEquals(new Relation("s-1-4", "treats", "s-1-3", "s-1-1"), r.relation(), "the tail nearest the head");
        assertEquals(-0.2, r.score(), 1e-9);
        assertEquals(1, p.problems().size());
        assertTrue(p.problems().get(0).startsWith("document pmid-2 window 0 (chars 0-49) RE: line 2: unknown relation type 'INHIBITS'"),
                p.problems().get(0));
    }

    @Test
    void labelsFromEveryWindowMergeWithTheSurestScore() {
        Document d = Document.ofText("pmid-3", "First sentence about vaccines. Second sentence about drugs.");
        ScriptedGenerator engine = new ScriptedGenerator(List.of(flat("Result: Prevention", -0.5, Generation.StopReason.STOP_TOKEN),
                flat("Result: prevention; Treatment; Astrology", -0.1, Generation.StopReason.STOP_TOKEN)));
        DocumentPreannotation p = new Preannotator(engine, SCHEMA, OPTIONS, 0, language -> new WindowBudget(35))
                .annotate(List.of(d), EnumSet.of(TaskKind.TC), PreannotationListener.NONE, () -> false).get(0);
        assertEquals(2, engine.prompts.size());
        assertEquals(List.of("Prevention", "Treatment"), p.labels().stream().map(LabelSuggestion::label).toList());
        assertEquals(-0.1, p.labels().get(0).score(), 1e-9);
        assertTrue(p.labels().get(0).provenance().promptTemplateId().startsWith("chatml/tc-en-"));
        assertEquals(1, p.problems().size());
        assertTrue(p.problems().get(0).contains("window 1") && p.problems().get(0).contains("'Astrology'"), p.problems().get(0));
    }

    @Test
    void aTruncatedAnswerLosesItsPossiblyCutLastItemAndSaysSo() {
        Document d = Document.ofText("pmid-4", "Patients with asthma and lung cancer.");
        ScriptedGenerator engine = new ScriptedGenerator(List.of(flat("Disease: asthma; lung can", -0.1,
                Generation.StopReason.MAX_TOKENS)));
        DocumentPreannotation p = new Preannotator(engine, SCHEMA, OPTIONS, 0)
                .annotate(List.of(d), EnumSet.of(TaskKind.NER), PreannotationListener.NONE, () -> false).get(0);
        assertEquals(List.of("s-0-1 Disease asthma@14"), placed(d, p));
        assertEquals(1, p.problems().size());
        assertTrue(p.problems().get(0).contains("token limit") && p.problems().get(0).contains("'lung can'"), p.problems().get(0));
        // a line that was finished before the limit stays
        engine = new ScriptedGenerator(List.of(flat("Disease: asthma\nChemical: lung", -0.1, Generation.StopReason.MAX_TOKENS)));
        p = new Preannotator(engine, SCHEMA, OPTIONS, 0)
                .annotate(List.of(d), EnumSet.of(TaskKind.NER), PreannotationListener.NONE, () -> false).get(0);
        assertEquals(List.of("s-0-1 Disease asthma@14"), placed(d, p));
    }

    @Test
    void mentionsTheTextDoesNotHaveAreReportedNotPlaced() {
        Document d = Document.ofText("pmid-5", "Patients with asthma.");
        ScriptedGenerator engine = new ScriptedGenerator(List.of(flat("Disease: asthma; diabetes\nSymptom: cough", -0.1,
                Generation.StopReason.STOP_TOKEN)));
        DocumentPreannotation p = new Preannotator(engine, SCHEMA, OPTIONS, 0)
                .annotate(List.of(d), EnumSet.of(TaskKind.NER), PreannotationListener.NONE, () -> false).get(0);
        assertEquals(List.of("s-0-1 Disease asthma@14"), placed(d, p));
        assertEquals(2, p.problems().size(), p.problems().toString());
        assertTrue(p.problems().stream().anyMatch(x -> x.contains("'Symptom'")));
        assertTrue(p.problems().stream().anyMatch(x -> x.endsWith("NER: Disease 'diabetes' is not in the window's text")));
    }

    @Test
    void aLoopingAnswerGivesWhatItCanAndAShortListOfProblems() {
        Document d = Document.ofText("病例-6", "患者发热三天，伴咳嗽。");
        StringBuilder loop = new StringBuilder("疾病：发热; 咳嗽\n");
        while (loop.length() < 10_000) {
            loop.append("患者发热三天，伴咳嗽。请从以下文本中找出指定类型的实体\n");
        }
        ScriptedGenerator engine = new ScriptedGenerator(List.of(flat(loop.toString(), -0.7, Generation.StopReason.MAX_TOKENS)));
        DocumentPreannotation p = new Preannotator(engine, SCHEMA, OPTIONS, 0)
                .annotate(List.of(d), EnumSet.of(TaskKind.NER), PreannotationListener.NONE, () -> false).get(0);
        assertEquals(List.of("s-0-1 Disease 发热@2", "s-0-2 Disease 咳嗽@8"), placed(d, p));
        assertEquals(21, p.problems().size(), "20 lines named and a count of the rest");
        assertTrue(p.problems().get(20).contains("more problems"), p.problems().get(20));
        assertTrue(engine.prompts.get(0).pieces().stream().anyMatch(x -> x instanceof PromptPiece.Text t
                && t.text().contains("疾病，化学物质")), "a Chinese document is asked in Chinese with the Chinese names");
    }

    @Test
    void cancellingStopsCleanlyAfterTheLastWholeDocument() {
        List<Document> docs = List.of(Document.ofText("a", "Asthma."), Document.ofText("b", "Asthma."), Document.ofText("c", "Asthma."));
        ScriptedGenerator engine = new ScriptedGenerator(List.of(flat("Disease: Asthma", -0.1, Generation.StopReason.STOP_TOKEN),
                flat("Disease: Asthma", -0.1, Generation.StopReason.STOP_TOKEN), flat("", 0, Generation.StopReason.STOP_TOKEN)));
        List<DocumentPreannotation> result = new Preannotator(engine, SCHEMA, OPTIONS, 0).annotate(docs, EnumSet.of(TaskKind.NER),
                PreannotationListener.NONE, () -> engine.prompts.size() >= 2);
        assertEquals(List.of("a", "b"), result.stream().map(DocumentPreannotation::documentId).toList());
        assertEquals(2, engine.prompts.size(), "nothing generated after the cancel");

        ScriptedGenerator stopped = new ScriptedGenerator(List.of(flat("Disease: Asthma", -0.1, Generation.StopReason.STOP_TOKEN),
                flat("Disease: Ast", -0.1, Generation.StopReason.CANCELLED), flat("", 0, Generation.StopReason.CANCELLED)));
        result = new Preannotator(stopped, SCHEMA, new GenerationOptions(500, 3), 0).annotate(docs, EnumSet.of(TaskKind.NER),
                PreannotationListener.NONE, () -> false);
        assertEquals(List.of("a"), result.stream().map(DocumentPreannotation::documentId).toList());
    }

    @Test
    void aTaskTheSchemaCannotAskIsRefusedBeforeAnythingIsGenerated() {
        ScriptedGenerator engine = new ScriptedGenerator(List.of());
        LabelSchema entitiesOnly = new LabelSchema(SCHEMA.entityTypes(), List.of(), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Preannotator(engine, entitiesOnly,
                OPTIONS, 0).annotate(List.of(Document.ofText("a", "x")), EnumSet.of(TaskKind.NER, TaskKind.TC),
                        PreannotationListener.NONE, () -> false));
        assertTrue(e.getMessage().contains("tc") && e.getMessage().contains("document labels"), e.getMessage());
        assertEquals(0, engine.prompts.size());
        assertThrows(IllegalArgumentException.class, () -> new Preannotator(engine, SCHEMA, OPTIONS, 0)
                .annotate(List.of(), EnumSet.noneOf(TaskKind.class), PreannotationListener.NONE, () -> false));
    }

    @Test
    void aDocumentWithoutTextGetsAnEmptyResultAndNoPrompt() {
        ScriptedGenerator engine = new ScriptedGenerator(List.of(flat("Disease: Asthma", -0.1, Generation.StopReason.STOP_TOKEN)));
        List<DocumentPreannotation> result = new Preannotator(engine, SCHEMA, OPTIONS, 0).annotate(
                List.of(Document.ofText("empty", "   "), Document.ofText("full", "Asthma.")), EnumSet.of(TaskKind.NER),
                PreannotationListener.NONE, () -> false);
        assertEquals(List.of("empty", "full"), result.stream().map(DocumentPreannotation::documentId).toList());
        assertEquals(List.of(), result.get(0).mentions());
        assertEquals(1, result.get(1).mentions().size());
        assertEquals(1, engine.prompts.size());
    }

    @Test
    void suggestionRecordsRefuseWhatTheStoreCouldNotKeep() {
        Relation rel = new Relation("s-0-1", "treats", "a", "b");
        assertThrows(IllegalArgumentException.class, () -> new RelationSuggestion(rel, new Provenance("m", "", "t", -1), 0));
        assertThrows(IllegalArgumentException.class, () -> new RelationSuggestion(rel, new Provenance("m", "", "t", 0), Double.NaN));
        assertThrows(NullPointerException.class, () -> new RelationSuggestion(rel, new Provenance(null, "", "t", 0), 0));
        assertEquals("", new RelationSuggestion(rel, new Provenance("m", null, null, 0), -1).provenance().adapterId());
        assertEquals("s-0-1", new RelationSuggestion(rel, new Provenance("m", null, null, 0), -1).id());
        assertThrows(IllegalArgumentException.class, () -> new LabelSuggestion(" ", new Provenance("m", "", "t", 0), 0));
        assertThrows(IllegalArgumentException.class, () -> new LabelSuggestion("Prevention", new Provenance("m", "", "t", -2), 0));
        assertThrows(IllegalArgumentException.class, () -> new LabelSuggestion("Prevention", new Provenance("m", "", "t", 0), Double.NaN));
        assertEquals("", new LabelSuggestion("Prevention", new Provenance("m", null, null, 0), 0).provenance().promptTemplateId());
    }
}
