package taiyi.workbench.inference.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.inference.align.MentionAligner;

class RelationOutputParserTest {

    private static final Predicate<String> NO_SOURCE = s -> false;

    private static LabelSchema relations(EntityType... types) {
        return new LabelSchema(List.of(), List.of(types), List.of());
    }

    private static final LabelSchema DDI = relations(new EntityType("ADVISE", null, null),
            new EntityType("MECHANISM", null, null), new EntityType("EFFECT", null, null), new EntityType("INT", null, null));

    private static List<String> triples(ParseResult<ParsedRelation> r) {
        return r.items().stream().map(x -> x.type() + "(" + x.head().text() + " | " + x.tail().text() + ")").toList();
    }

    @Test
    void readsTypedPairLines() {
        String answer = "ADVISE: [Mitotane, coumarin-type anticoagulants]\nMECHANISM: [Mitotane, warfarin]";
        ParseResult<ParsedRelation> r = new RelationOutputParser(DDI).parse(answer, NO_SOURCE);
        assertEquals(List.of("ADVISE(Mitotane | coumarin-type anticoagulants)", "MECHANISM(Mitotane | warfarin)"), triples(r));
        assertEquals(List.of(), r.problems());
        ParsedRelation first = r.items().get(0);
        assertEquals("[Mitotane, coumarin-type anticoagulants]", answer.substring(first.start(), first.end()));
        assertEquals("coumarin-type anticoagulants", answer.substring(first.tail().start(), first.tail().end()));
    }

    @Test
    void readsTheBc5cdrPhraseAndRepeatedPairsOnce() {
        LabelSchema cdr = relations(new EntityType("CID", "chemical-induced disease", "化学物质诱发疾病"));
        ParseResult<ParsedRelation> r = new RelationOutputParser(cdr)
                .parse("chemical-induced disease relations: [Phenobarbital, dyskinesia]; [phenobarbital, dyskinesia]; "
                        + "[Phenobarbital, dyskinesia]", NO_SOURCE);
        assertEquals(List.of("CID(Phenobarbital | dyskinesia)", "CID(phenobarbital | dyskinesia)"), triples(r));
    }

    @Test
    void readsTheChinesePhraseWithFullWidthPunctuation() {
        LabelSchema schema = relations(new EntityType("treat", "drug treatment", "药物治疗"), new EntityType("cause", "cause", "病因"));
        ParseResult<ParsedRelation> r = new RelationOutputParser(schema)
                .parse("具有药物治疗关系的实体对如下：[慢性阻塞性肺疾病, β2 受体激动剂]；［哮喘，糖皮质激素］", NO_SOURCE);
        assertEquals(List.of("treat(慢性阻塞性肺疾病 | β2 受体激动剂)", "treat(哮喘 | 糖皮质激素)"), triples(r));
    }

    @Test
    void readsCmeieTriples() {
        LabelSchema schema = relations(new EntityType("并发症", "complication", "并发症"), new EntityType("病因", "cause", "病因"));
        ParseResult<ParsedRelation> r = new RelationOutputParser(schema)
                .parse("(13-三体综合征, 泌尿系畸形, 并发症); （肺炎，吸烟，病因）; (a, b, 症状)", NO_SOURCE);
        assertEquals(List.of("并发症(13-三体综合征 | 泌尿系畸形)", "病因(肺炎 | 吸烟)"), triples(r));
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).contains("'症状'"), r.problems().get(0));
    }

    @Test
    void argumentsWithCommasAreCutWhereTheTextAgrees() {
        LabelSchema cpi = relations(new EntityType("CPI", "relation between compound and protein entity", null));
        String text = "Selenocystine is taken up well by the b(0,+) rBAT system, while 2,4-D binds PAT1.";
        MentionAligner aligner = new MentionAligner(text);
        ParseResult<ParsedRelation> r = new RelationOutputParser(cpi).parse("CPI: [Selenocystine, b(0,+) rBAT]; [2,4-D, PAT1]",
                aligner::occurs);
        assertEquals(List.of("CPI(Selenocystine | b(0,+) rBAT)", "CPI(2,4-D | PAT1)"), triples(r));
    }

    @Test
    void hostileAnswersAreReported() {
        RelationOutputParser parser = new RelationOutputParser(DDI);
        ParseResult<ParsedRelation> r = parser.parse("INHIBITS: [a, b]\nEFFECT: [c, d]; [lonely]\nsome chatter\n无\n[e, f]", NO_SOURCE);
        assertEquals(List.of("EFFECT(c | d)"), triples(r));
        assertEquals(4, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).contains("'INHIBITS'"));
        ParseResult<ParsedRelation> vague = parser.parse("drug interactions: [a, b]", NO_SOURCE);
        assertEquals(List.of(), vague.items(), "INT is too short to be read inside 'interactions'");
        assertEquals(1, vague.problems().size());
        assertEquals(List.of(), parser.parse("", NO_SOURCE).items());
        assertEquals(List.of(), parser.parse("None", NO_SOURCE).problems());
        ParseResult<ParsedRelation> cut = parser.parse("EFFECT: [c, d]; [e, f", NO_SOURCE);
        assertEquals(List.of("EFFECT(c | d)"), triples(cut));
        StringBuilder loop = new StringBuilder();
        while (loop.length() < 10_000) {
            loop.append("EFFECT: [c, d]; ");
        }
        assertEquals(List.of("EFFECT(c | d)"), triples(parser.parse(loop.toString(), NO_SOURCE)));
    }

    @Test
    void everyRealTaiyiRelationAnswerIsReadAndItsArgumentsFoundInThePrompt() throws Exception {
        List<InstructionExamples.Turn> turns = InstructionExamples.of("RE");
        assertEquals(4, turns.size(), "SOURCES.md: 4 RE conversations");
        LabelSchema cpi = relations(new EntityType("CPI", "relation between compound and protein entity", "化合物与蛋白质关系"));
        Pattern pair = Pattern.compile("\\[([^\\]]*)\\]");
        for (InstructionExamples.Turn turn : turns) {
            MentionAligner aligner = new MentionAligner(turn.human());
            ParseResult<ParsedRelation> r = new RelationOutputParser(cpi).parse(turn.assistant(), aligner::occurs);
            assertEquals(List.of(), r.problems(), "conversation " + turn.conversationId());
            List<String> expected = new ArrayList<>();
            Matcher m = pair.matcher(turn.assistant());
            while (m.find()) {
                String[] ht = m.group(1).split(", ");
                expected.add("CPI(" + ht[0] + " | " + ht[1] + ")");
            }
            assertFalse(expected.isEmpty());
            assertEquals(expected, triples(r), "conversation " + turn.conversationId());
            for (ParsedRelation x : r.items()) {
                assertFalse(aligner.occurrences(x.head().text()).isEmpty(), x.head().text());
                assertFalse(aligner.occurrences(x.tail().text()).isEmpty(), x.tail().text());
            }
        }
    }
}
