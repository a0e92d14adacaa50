package taiyi.workbench.learning.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.inference.align.AlignedMention;
import taiyi.workbench.inference.align.MentionAligner;
import taiyi.workbench.inference.align.MentionQuery;
import taiyi.workbench.inference.parse.NerOutputParser;
import taiyi.workbench.inference.parse.ParseResult;
import taiyi.workbench.inference.parse.ParsedMention;
import taiyi.workbench.inference.parse.ParsedRelation;
import taiyi.workbench.inference.parse.RelationOutputParser;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.inference.task.TextWindow;
import taiyi.workbench.inference.task.TextWindows;
import taiyi.workbench.inference.task.WindowBudget;
import taiyi.workbench.testing.TestCorpora;

/**
 * The property that proves the export: parsing each exported answer with the pre-annotator's parser
 * and aligning it to the window gives back exactly the curated mentions and relations, except what
 * the export counted as inexpressible, on BC5CDR, NCBI-disease and CMeEE.
 */
class ParseBackTest {

    private static final Set<String> MENTION_LOSSES = Set.of(DocumentConversations.DISCONTINUOUS,
            DocumentConversations.SEPARATOR, DocumentConversations.PADDED, DocumentConversations.CROSSES_WINDOW,
            DocumentConversations.NOT_FOUND_AGAIN, DocumentConversations.UNKNOWN_TYPE);

    @Test
    void bc5cdrTrainingMentionsAndRelationsComeBack() throws Exception {
        Outcome o = check(ExportFixtures.bc5cdrTraining());
        assertEquals(0, o.missing - o.countedMissing, "curated mentions lost without being counted");
        assertTrue(o.relations > 1038 * 95 / 100, "BC5CDR training has 1038 CID relations; parsed " + o.relations);
    }

    @Test
    void ncbiDiseaseMentionsComeBack() throws Exception {
        check(TestCorpora.ncbiDevel());
    }

    @Test
    void cmeeeMentionsComeBackExceptWhatWasCounted() throws Exception {
        Outcome o = check(TestCorpora.cmeee());
        assertTrue(o.found > 1000, "CMeEE mentions found again: " + o.found);
    }

    private record Outcome(int missing, int countedMissing, int relations, int found) {
    }

    private static Outcome check(List<Document> documents) {
        LabelSchema schema = LabelSchema.inferredFrom(documents);
        DocumentConversations renderer = new DocumentConversations(ExportFixtures.length(), EnumSet.allOf(TaskKind.class),
                100_000, 7);
        NerOutputParser ner = new NerOutputParser(schema);
        RelationOutputParser re = new RelationOutputParser(schema);
        int missingTotal = 0;
        int countedTotal = 0;
        int extraTotal = 0;
        int countedExtraTotal = 0;
        int relationsTotal = 0;
        int foundTotal = 0;
        for (Document d : documents) {
            RenderedDocument r = renderer.render("c", schema, d);
            List<TextWindow> windows = TextWindows.split(d, WindowBudget.forLanguage(d.language()));
            Set<List<Object>> found = new HashSet<>();
            Set<List<Object>> relationsFound = new HashSet<>();
            for (DraftConversation c : r.conversations()) {
                TextWindow w = windows.get(c.window());
                String windowText = w.text().strip();
                int offset = w.start() + w.text().indexOf(windowText.charAt(0));
                assertTrue(c.turn().human().contains(windowText), "the instruction carries the window's text");
                MentionAligner aligner = new MentionAligner(windowText);
                if (c.kind() == TaskKind.NER && c.subtask().equals("all")) {
                    ParseResult<ParsedMention> parsed = ner.parse(c.turn().assistant(), aligner::occurs);
                    assertEquals(List.of(), parsed.problems(), d.id() + ": " + c.turn().assistant());
                    List<MentionQuery> queries = parsed.items().stream().map(p -> new MentionQuery(p.type(), p.text())).toList();
                    var alignment = aligner.align(queries);
                    assertEquals(List.of(), alignment.missing(), "every answered string is in the window");
                    for (AlignedMention a : alignment.found()) {
                        found.add(List.of(a.query().type(), a.span().start() + offset, a.span().end() + offset));
                    }
                }
                if (c.kind() == TaskKind.RE) {
                    ParseResult<ParsedRelation> parsed = re.parse(c.turn().assistant(), aligner::occurs);
                    assertEquals(List.of(), parsed.problems(), d.id() + ": " + c.turn().assistant());
                    for (ParsedRelation p : parsed.items()) {
                        relationsFound.add(List.of(c.subtask(), p.type(), p.head().text(), p.tail().text()));
                        assertRelationOfTheDocument(d, p, windowText, offset);
                    }
                }
            }
            // pairs and triples say the same
            Set<List<Object>> pairs = new HashSet<>();
            Set<List<Object>> triples = new HashSet<>();
            relationsFound.forEach(x -> (x.get(0).equals("pairs") ? pairs : triples).add(x.subList(1, 4)));
            assertEquals(pairs, triples, d.id());
            relationsTotal += pairs.size();
            assertEquals(d.relations().size() - r.inexpressible().getOrDefault(DocumentConversations.ARGUMENTS_APART, 0)
                    - r.inexpressible().getOrDefault(DocumentConversations.SAME_PAIR, 0)
                    - (int) r.drops().stream().filter(x -> x.reason().equals(Drop.BROKEN)).count(), pairs.size(),
                    d.id() + ": one pair per relation that is expressed (" + pairs + ")");

            Set<List<Object>> curated = new HashSet<>();
            for (EntityMention m : d.mentions()) {
                curated.add(List.of(m.type(), m.start(), m.end()));
            }
            int missing = (int) d.mentions().stream().filter(m -> !found.contains(List.of(m.type(), m.start(), m.end())))
                    .count();
            int extra = (int) found.stream().filter(k -> !curated.contains(k)).count();
            int counted = 0;
            for (Map.Entry<String, Integer> e : r.inexpressible().entrySet()) {
                if (MENTION_LOSSES.contains(e.getKey())) {
                    counted += e.getValue();
                }
            }
            assertEquals(counted, missing, d.id() + ": lost mentions " + lost(curated, found));
            assertEquals(r.inexpressible().getOrDefault(DocumentConversations.EXTRA_OCCURRENCE, 0), extra, d.id());
            missingTotal += missing;
            foundTotal += found.size();
            countedTotal += counted;
            extraTotal += extra;
            countedExtraTotal += r.inexpressible().getOrDefault(DocumentConversations.EXTRA_OCCURRENCE, 0);
        }
        assertEquals(countedExtraTotal, extraTotal);
        assertFalse(documents.isEmpty());
        return new Outcome(missingTotal, countedTotal, relationsTotal, foundTotal);
    }

    private static void assertRelationOfTheDocument(Document d, ParsedRelation p, String windowText, int offset) {
        MentionAligner aligner = new MentionAligner(windowText);
        List<Relation> matching = new ArrayList<>();
        for (Relation r : d.relations()) {
            if (r.type().equals(p.type()) && names(d, r.head(), p.head().text(), aligner, offset)
                    && names(d, r.tail(), p.tail().text(), aligner, offset)) {
                matching.add(r);
            }
        }
        assertFalse(matching.isEmpty(), d.id() + ": parsed " + p + " is no curated relation");
    }

    /** Whether a string, placed in the window, lands on a mention the argument names (by id or concept). */
    private static boolean names(Document d, String argument, String written, MentionAligner aligner, int offset) {
        for (var span : aligner.occurrences(written)) {
            for (EntityMention m : d.mentions()) {
                if (m.start() == span.start() + offset && m.end() == span.end() + offset
                        && (m.id().equals(argument) || m.isNormalizedTo(argument))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, Integer> lost(Set<List<Object>> curated, Set<List<Object>> found) {
        Map<String, Integer> by = new TreeMap<>();
        curated.stream().filter(k -> !found.contains(k)).forEach(k -> by.merge(k.get(0).toString(), 1, Integer::sum));
        return by;
    }
}
