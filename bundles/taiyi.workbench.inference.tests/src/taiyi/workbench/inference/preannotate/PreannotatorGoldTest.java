package taiyi.workbench.inference.preannotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.testing.TestCorpora;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.inference.task.TextWindow;
import taiyi.workbench.inference.task.TextWindows;
import taiyi.workbench.inference.task.WindowBudget;

/** Pre-annotation end to end on real corpora, with an engine that answers their gold annotations. */
class PreannotatorGoldTest {

    private static final LabelSchema NCBI = new LabelSchema(List.of(new EntityType("SpecificDisease", "specific disease", "特定疾病"),
            new EntityType("DiseaseClass", "disease class", "疾病类别"), new EntityType("Modifier", "modifier", "修饰语"),
            new EntityType("CompositeMention", "composite mention", "复合提及")), List.of(), List.of());
    private static final LabelSchema CDR = new LabelSchema(
            List.of(new EntityType("Chemical", "chemical", "化学物质"), new EntityType("Disease", "disease", "疾病")),
            List.of(new EntityType("CID", "chemical-induced disease", "化学物质诱发疾病")), List.of());
    private static final LabelSchema CMEEE = new LabelSchema(List.of(new EntityType("dis", "disease", "疾病"),
            new EntityType("sym", "symptom", "临床表现"), new EntityType("pro", "procedure", "医疗程序"),
            new EntityType("equ", "equipment", "医疗设备"), new EntityType("dru", "drug", "药物"),
            new EntityType("ite", "test item", "医学检验项目"), new EntityType("bod", "body part", "身体"),
            new EntityType("dep", "department", "科室"), new EntityType("mic", "microorganism", "微生物类")), List.of(), List.of());

    /**
     * Whether the gold marks a string of a type wherever it occurs, without same-type overlaps and
     * without separators inside mentions: then a perfect answer placed back must give the gold.
     */
    private static boolean goldIsEveryOccurrence(Document d) {
        Map<List<String>, Integer> counts = new HashMap<>();
        Map<String, List<Span>> byType = new HashMap<>();
        for (EntityMention m : d.mentions()) {
            if (m.isDiscontinuous()) {
                return false;
            }
            String t = m.coveredText(d.text());
            if (t.contains(";") || t.contains("；") || t.contains("\n")) {
                return false;
            }
            counts.merge(List.of(m.type(), t), 1, Integer::sum);
            byType.computeIfAbsent(m.type(), k -> new ArrayList<>()).add(m.spans().get(0));
        }
        for (Map.Entry<List<String>, Integer> e : counts.entrySet()) {
            String t = e.getKey().get(1);
            int n = 0;
            for (int at = d.text().indexOf(t); at >= 0; at = d.text().indexOf(t, at + t.length())) {
                n++;
            }
            if (n != e.getValue()) {
                return false;
            }
        }
        for (List<Span> spans : byType.values()) {
            spans.sort(Comparator.naturalOrder());
            for (int i = 1; i < spans.size(); i++) {
                if (spans.get(i).overlaps(spans.get(i - 1))) {
                    return false;
                }
            }
        }
        return !d.mentions().isEmpty();
    }

    /** Leaves out documents whose text another document repeats: no reader could tell their answers apart. */
    private static java.util.function.Predicate<Document> distinctTexts(List<Document> all) {
        Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(Document::text, Collectors.counting()));
        return d -> counts.get(d.text()) == 1;
    }

    private static Set<String> gold(Document d) {
        return d.mentions().stream().map(m -> m.type() + " " + m.start() + "-" + m.end()).collect(Collectors.toSet());
    }

    private static Set<String> suggested(DocumentPreannotation p) {
        return p.mentions().stream().map(s -> s.mention().type() + " " + s.mention().start() + "-" + s.mention().end())
                .collect(Collectors.toSet());
    }

    private static void assertIdsUniqueAndNamed(DocumentPreannotation p, int round) {
        Set<String> ids = new HashSet<>();
        p.mentions().forEach(s -> assertTrue(ids.add(s.id()), p.documentId() + ": duplicate id " + s.id()));
        p.relations().forEach(r -> assertTrue(ids.add(r.id()), p.documentId() + ": duplicate id " + r.id()));
        ids.forEach(id -> assertTrue(id.startsWith("s-" + round + "-"), id));
    }

    private void assertGoldComesBack(List<Document> docs, LabelSchema schema, int atLeast) {
        List<Document> chosen = docs.stream().filter(PreannotatorGoldTest::goldIsEveryOccurrence).filter(distinctTexts(docs))
                .toList();
        assertTrue(chosen.size() >= atLeast, "only " + chosen.size() + " documents qualify");
        GoldAnsweringGenerator engine = new GoldAnsweringGenerator(chosen, schema);
        List<DocumentPreannotation> result = new Preannotator(engine, schema, new GenerationOptions(2_000, 8), 1)
                .annotate(chosen, EnumSet.of(TaskKind.NER), PreannotationListener.NONE, () -> false);
        assertEquals(chosen.size(), result.size());
        for (int i = 0; i < chosen.size(); i++) {
            Document d = chosen.get(i);
            DocumentPreannotation p = result.get(i);
            assertEquals(d.id(), p.documentId());
            assertEquals(gold(d), suggested(p), d.id() + " " + p.problems() + " answered " + engine.answers);
            assertEquals(List.of(), p.problems(), d.id());
            assertIdsUniqueAndNamed(p, 1);
            for (Suggestion s : p.mentions()) {
                assertEquals("gold-answers", s.provenance().modelId());
                assertEquals("round-0-adapter", s.provenance().adapterId());
                assertTrue(s.provenance().promptTemplateId().startsWith("taiyi1/ner-" + d.language().code() + "-"), s.provenance().promptTemplateId());
                assertTrue(s.score() <= -0.1 + 1e-9 && s.score() >= -0.3 - 1e-9, "synthetic log-probabilities: " + s.score());
                double min = Double.parseDouble(s.mention().attributes().get("score.min"));
                assertTrue(min <= s.score(), s.id());
            }
        }
        assertTrue(engine.batchSizes.stream().allMatch(n -> n <= 8));
    }

    @Test
    void ncbiGoldComesBackAtItsOffsetsAndTypes() throws Exception {
        assertGoldComesBack(TestCorpora.ncbiDevel(), NCBI, 25);
    }

    @Test
    void cmeeeGoldComesBackAtItsOffsetsAndTypes() throws Exception {
        assertGoldComesBack(TestCorpora.cmeee(), CMEEE, 300);
    }

    @Test
    void bc5cdrRelationsPointAtTheMentionsNerSuggested() throws Exception {
        List<Document> chosen = TestCorpora.bc5cdrDevel().stream().filter(PreannotatorGoldTest::goldIsEveryOccurrence)
                .filter(d -> !d.relations().isEmpty()).limit(60).toList();
        assertTrue(chosen.size() >= 40, "only " + chosen.size() + " documents qualify");
        GoldAnsweringGenerator engine = new GoldAnsweringGenerator(chosen, CDR);
        List<DocumentPreannotation> result = new Preannotator(engine, CDR, new GenerationOptions(4_000, 4), 2)
                .annotate(chosen, EnumSet.of(TaskKind.NER, TaskKind.RE), PreannotationListener.NONE, () -> false);
        int relations = 0;
        for (int i = 0; i < chosen.size(); i++) {
            Document d = chosen.get(i);
            DocumentPreannotation p = result.get(i);
            String text = d.text();
            assertEquals(gold(d), suggested(p), d.id());
            assertIdsUniqueAndNamed(p, 2);
            Map<String, Suggestion> byId = p.mentions().stream().collect(Collectors.toMap(Suggestion::id, s -> s));
            for (Relation g : d.relations()) {
                Set<String> heads = textsOf(d, g.head());
                Set<String> tails = textsOf(d, g.tail());
                boolean found = false;
                for (RelationSuggestion r : p.relations()) {
                    Suggestion h = byId.get(r.relation().head());
                    Suggestion t = byId.get(r.relation().tail());
                    found |= r.relation().type().equals("CID") && heads.contains(h.mention().coveredText(text))
                            && tails.contains(t.mention().coveredText(text)) && h.mention().type().equals("Chemical")
                            && t.mention().type().equals("Disease");
                }
                assertTrue(found, d.id() + ": gold relation " + g + " not suggested; problems " + p.problems());
                relations++;
            }
            for (RelationSuggestion r : p.relations()) {
                assertTrue(byId.containsKey(r.relation().head()) && byId.containsKey(r.relation().tail()), r.id());
                assertTrue(r.provenance().promptTemplateId().startsWith("taiyi1/re-en-"), r.provenance().promptTemplateId());
                assertEquals(2, r.provenance().round());
            }
        }
        assertTrue(relations >= 40, relations + " gold relations checked");
    }

    private static Set<String> textsOf(Document d, String concept) {
        return d.mentions().stream().filter(m -> m.isNormalizedTo(concept) || m.id().equals(concept))
                .map(m -> m.coveredText(d.text())).collect(Collectors.toSet());
    }

    @Test
    void longDocumentsAreAskedWindowByWindowAndComeBackAtDocumentOffsets() throws Exception {
        List<Document> chosen = TestCorpora.ncbiDevel().stream().filter(PreannotatorGoldTest::goldIsEveryOccurrence).limit(10)
                .toList();
        GoldAnsweringGenerator engine = new GoldAnsweringGenerator(chosen, NCBI);
        List<String> calls = new ArrayList<>();
        List<DocumentPreannotation> result = new Preannotator(engine, NCBI, new GenerationOptions(2_000, 3), 0,
                language -> new WindowBudget(250)).annotate(chosen, EnumSet.of(TaskKind.NER),
                        (doc, i, n) -> calls.add(doc + " " + i + "/" + n), () -> false);
        int windows = 0;
        for (int i = 0; i < chosen.size(); i++) {
            Document d = chosen.get(i);
            // a mention cut by a window edge cannot come back; every other one must
            List<TextWindow> cut = TextWindows.split(d, new WindowBudget(250));
            Set<String> expected = d.mentions().stream()
                    .filter(m -> cut.stream().anyMatch(w -> w.start() <= m.start() && m.end() <= w.end()))
                    .map(m -> m.type() + " " + m.start() + "-" + m.end()).collect(Collectors.toSet());
            assertEquals(expected, suggested(result.get(i)), d.id());
            List<String> mine = calls.stream().filter(c -> c.startsWith(d.id() + " ")).toList();
            assertTrue(mine.size() > 1, d.id() + " was asked in one piece");
            for (int w = 0; w < mine.size(); w++) {
                assertEquals(d.id() + " " + w + "/" + mine.size(), mine.get(w));
            }
            windows += mine.size();
        }
        assertEquals(windows, engine.batchSizes.stream().mapToInt(Integer::intValue).sum(), "one prompt per window");
        assertTrue(engine.batchSizes.stream().allMatch(n -> n <= 3) && engine.batchSizes.get(0) == 3);
        List<DocumentPreannotation> again = new Preannotator(new GoldAnsweringGenerator(chosen, NCBI), NCBI,
                new GenerationOptions(2_000, 1), 0, language -> new WindowBudget(250))
                .annotate(chosen, EnumSet.of(TaskKind.NER), PreannotationListener.NONE, () -> false);
        assertEquals(result, again, "same answers, same suggestions and ids, whatever the batch size");
    }
}
