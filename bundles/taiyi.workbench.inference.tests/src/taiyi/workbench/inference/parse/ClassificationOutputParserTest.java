package taiyi.workbench.inference.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;

class ClassificationOutputParserTest {

    private static LabelSchema labels(EntityType... labels) {
        return new LabelSchema(List.of(), List.of(), List.of(labels));
    }

    private static List<String> read(ParseResult<ParsedLabel> r) {
        return r.items().stream().map(ParsedLabel::label).toList();
    }

    @Test
    void readsTheFormsOfTheNotes() {
        LabelSchema kuake = labels(new EntityType("cost", "medical cost", "医疗费用"), new EntityType("diagnosis", null, "病情诊断"));
        String answer = "上述文本被分类为：医疗费用";
        ParseResult<ParsedLabel> r = new ClassificationOutputParser(kuake).parse(answer);
        assertEquals(List.of("cost"), read(r));
        assertEquals("医疗费用", answer.substring(r.items().get(0).start(), r.items().get(0).end()));
        LabelSchema litcovid = labels(new EntityType("Prevention", null, null), new EntityType("Case Report", null, null),
                new EntityType("Treatment", null, null));
        assertEquals(List.of("Prevention"), read(new ClassificationOutputParser(litcovid).parse("Result: Prevention")));
        assertEquals(List.of("Case Report", "Treatment"),
                read(new ClassificationOutputParser(litcovid).parse("case report; Treatment.")));
    }

    @Test
    void labelsOutsideTheSchemaAndGarbageAreReported() {
        LabelSchema schema = labels(new EntityType("perturbation", null, null), new EntityType("control", null, null));
        ParseResult<ParsedLabel> r = new ClassificationOutputParser(schema).parse("Result: mutation\n####\n无");
        assertEquals(List.of(), r.items());
        assertEquals(2, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).contains("'mutation'") && r.problems().get(0).contains("perturbation, control"));
    }

    @Test
    void everyRealTaiyiClassificationAnswerIsReadOrItsUnknownLabelReported() throws Exception {
        List<InstructionExamples.Turn> turns = InstructionExamples.of("TC");
        assertEquals(7, turns.size(), "SOURCES.md: 3 English and 4 Chinese TC conversations");
        for (InstructionExamples.Turn turn : turns) {
            // the options are the prompt's last line, after its colon: that is the schema the model was given
            String[] lines = turn.human().split("\n");
            String options = lines[lines.length - 1].replaceFirst("^[^:：]*[:：]", "");
            EntityType[] given = Arrays.stream(options.split("[,，]")).map(String::strip)
                    .map(o -> new EntityType(o, o, o)).toArray(EntityType[]::new);
            ParseResult<ParsedLabel> r = new ClassificationOutputParser(labels(given)).parse(turn.assistant());
            String answered = turn.assistant().replaceFirst("^[^:：]*[:：]", "").strip();
            boolean offered = Arrays.stream(given).anyMatch(t -> t.name().equals(answered));
            if (offered) {
                assertEquals(List.of(answered), read(r), "conversation " + turn.conversationId());
                assertEquals(List.of(), r.problems());
            } else {
                // the real data answers 血瘀痰凝证 to prompts that do not offer it: reported, not invented
                assertEquals(List.of(), read(r), "conversation " + turn.conversationId());
                assertEquals(1, r.problems().size());
                assertTrue(r.problems().get(0).contains(answered), r.problems().get(0));
            }
        }
        long unoffered = turns.stream().filter(t -> t.assistant().contains("血瘀痰凝证")).count();
        assertEquals(4, unoffered, "the 4 Chinese conversations answer a label their prompts do not offer");
    }
}
