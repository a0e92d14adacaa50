package taiyi.workbench.inference.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.inference.align.MentionAligner;

class NerOutputParserTest {

    private static final Predicate<String> NO_SOURCE = s -> false;

    private static LabelSchema schema(EntityType... types) {
        return new LabelSchema(List.of(types), List.of(), List.of());
    }

    private static final LabelSchema CMEEE = schema(new EntityType("dis", "Disease", "疾病"), new EntityType("dru", "Drug", "药物"));
    private static final LabelSchema CDR = schema(new EntityType("Chemical", "Chemical", "化学物质"),
            new EntityType("Disease", "Disease", "疾病"), new EntityType("Gene", "gene", "基因"));

    /** The diakg entity options exactly as the real Taiyi prompts list them. */
    private static final LabelSchema DIAKG = schema(List.of("检查指标值", "不良反应", "用药剂量", "疾病的分期分型", "部位", "疾病", "药物",
            "发病机制", "病因", "手术", "临床表现", "用药频率", "检查方法", "用药方法", "检查指标", "程度", "持续时间", "非药治疗").stream()
            .map(n -> new EntityType(n, n, n)).toArray(EntityType[]::new));

    private static List<String> texts(ParseResult<ParsedMention> r) {
        return r.items().stream().map(m -> m.type() + "=" + m.text()).toList();
    }

    @Test
    void readsTheChineseExampleOfTheNotesWithFullWidthColons() {
        String answer = "疾病：沙眼衣原体肺炎\n药物：大环内酯类抗生素; 磺胺二甲基异唑; 氟喹诺酮类";
        ParseResult<ParsedMention> r = new NerOutputParser(CMEEE).parse(answer, NO_SOURCE);
        assertEquals(List.of("dis=沙眼衣原体肺炎", "dru=大环内酯类抗生素", "dru=磺胺二甲基异唑", "dru=氟喹诺酮类"), texts(r));
        assertEquals(List.of(), r.problems());
        for (ParsedMention m : r.items()) {
            assertEquals(m.text(), answer.substring(m.start(), m.end()), "char range of " + m.text());
        }
    }

    @Test
    void readsTheEnglishExamplesWhateverTheCaseOfTheType() {
        ParseResult<ParsedMention> r = new NerOutputParser(CDR).parse("gene: FBN1\ndisease: Marfan syndrome", NO_SOURCE);
        assertEquals(List.of("Gene=FBN1", "Disease=Marfan syndrome"), texts(r));
        r = new NerOutputParser(CDR).parse("Chemical: valproic acid; Ammonia; NH3", NO_SOURCE);
        assertEquals(List.of("Chemical=valproic acid", "Chemical=Ammonia", "Chemical=NH3"), texts(r));
        r = new NerOutputParser(CDR).parse("CHEMICALS：valproic acid；NH3\n疾病实体: hyperammonemia", NO_SOURCE);
        assertEquals(List.of("Chemical=valproic acid", "Chemical=NH3", "Disease=hyperammonemia"), texts(r));
    }

    @Test
    void commasAndEnumerationCommasSplitOnlyWhenTheTextSaysSo() {
        String text = "2,4-dinitrophenol and ammonia; 足底、足背贯通性溃疡 and 头痛 with 发热";
        MentionAligner aligner = new MentionAligner(text);
        NerOutputParser parser = new NerOutputParser(CDR);
        assertEquals(List.of("Chemical=2,4-dinitrophenol", "Chemical=ammonia"),
                texts(parser.parse("Chemical: 2,4-dinitrophenol, ammonia", aligner::occurs)));
        assertEquals(List.of("Disease=足底、足背贯通性溃疡", "Disease=头痛", "Disease=发热"),
                texts(parser.parse("Disease: 足底、足背贯通性溃疡; 头痛、发热", aligner::occurs)));
        // without a text, a line without semicolons is a list
        assertEquals(List.of("Chemical=valproic acid", "Chemical=Ammonia"),
                texts(parser.parse("Chemical: valproic acid, Ammonia", NO_SOURCE)));
    }

    @Test
    void nothingIsNothing() {
        NerOutputParser parser = new NerOutputParser(CMEEE);
        for (String answer : List.of("", "无", "None", "\n\n", "疾病：无\n药物：", "疾病: None")) {
            ParseResult<ParsedMention> r = parser.parse(answer, NO_SOURCE);
            assertEquals(List.of(), r.items(), answer);
            assertEquals(List.of(), r.problems(), answer);
        }
    }

    @Test
    void hostileAnswersAreReportedNotGuessed() {
        NerOutputParser parser = new NerOutputParser(CMEEE);
        ParseResult<ParsedMention> garbage = parser.parse("@@##$$ %% ^^", NO_SOURCE);
        assertEquals(List.of(), garbage.items());
        assertEquals(1, garbage.problems().size());
        assertTrue(garbage.problems().get(0).startsWith("line 1: "), garbage.problems().toString());

        ParseResult<ParsedMention> echo = parser.parse("从下面文本中识别出指定的实体类型：\n患者头痛三天\n实体类型：疾病，药物", NO_SOURCE);
        assertEquals(List.of(), echo.items());
        assertEquals(3, echo.problems().size(), echo.problems().toString());

        ParseResult<ParsedMention> unknown = parser.parse("症状：头痛\n疾病：肺炎", NO_SOURCE);
        assertEquals(List.of("dis=肺炎"), texts(unknown));
        assertEquals(1, unknown.problems().size());
        assertTrue(unknown.problems().get(0).contains("'症状'") && unknown.problems().get(0).contains("dis, dru"),
                unknown.problems().get(0));

        ParseResult<ParsedMention> repeated = parser.parse("疾病：肺炎\n疾病：肺炎; 肺炎\n疾病：肺炎", NO_SOURCE);
        assertEquals(List.of("dis=肺炎"), texts(repeated));

        ParseResult<ParsedMention> cut = parser.parse("疾病：肺炎; 糖尿", NO_SOURCE);
        assertEquals(List.of("dis=肺炎", "dis=糖尿"), texts(cut), "the parser reads what is there; the pre-annotator drops cut items");
    }

    @Test
    void aTenThousandCharLoopIsReadAndItsProblemsCapped() {
        StringBuilder loop = new StringBuilder("疾病：肺炎\n");
        while (loop.length() < 10_000) {
            loop.append("重复重复重复重复\n");
        }
        ParseResult<ParsedMention> r = new NerOutputParser(CMEEE).parse(loop.toString(), NO_SOURCE);
        assertEquals(List.of("dis=肺炎"), texts(r));
        assertEquals(ProblemLog.LIMIT + 1, r.problems().size());
        assertTrue(r.problems().get(ProblemLog.LIMIT).contains("more problems"));
    }

    @Test
    void everyRealTaiyiNerAnswerIsReadAndFoundInItsPrompt() throws Exception {
        List<InstructionExamples.Turn> turns = InstructionExamples.of("NER");
        assertEquals(4, turns.size(), "SOURCES.md: 4 NER conversations");
        NerOutputParser parser = new NerOutputParser(DIAKG);
        for (InstructionExamples.Turn turn : turns) {
            MentionAligner aligner = new MentionAligner(turn.human());
            ParseResult<ParsedMention> r = parser.parse(turn.assistant(), aligner::occurs);
            assertEquals(List.of(), r.problems(), "conversation " + turn.conversationId());
            // expected: the answer's own "type：a; b" structure, cut by hand here
            List<String> expected = new ArrayList<>();
            for (String line : turn.assistant().split("\n")) {
                if (!line.isBlank()) {
                    String[] typeAndMentions = line.split("：", 2);
                    for (String m : typeAndMentions[1].split("; ")) {
                        expected.add(typeAndMentions[0] + "=" + m);
                    }
                }
            }
            assertEquals(expected, texts(r), "conversation " + turn.conversationId());
            for (ParsedMention m : r.items()) {
                assertFalse(aligner.occurrences(m.text()).isEmpty(),
                        "conversation " + turn.conversationId() + ": " + m.text() + " not in the prompt");
                assertEquals(m.text(), turn.assistant().substring(m.start(), m.end()));
            }
        }
    }
}
