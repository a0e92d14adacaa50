package taiyi.workbench.inference.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.testing.TestCorpora;

class InstructionBuilderTest {

    private static final LabelSchema SCHEMA = new LabelSchema(
            List.of(new EntityType("dis", "Disease", "疾病"), new EntityType("dru", "Drug", "药物")),
            List.of(new EntityType("CID", "chemical-induced disease", "化学物质诱发疾病")),
            List.of(new EntityType("prev", "Prevention", "预防"), new EntityType("treat", "Treatment", "治疗")));

    @Test
    void eachTaskHasSixToFifteenWordingsPerLanguageWithDistinctIds() {
        Set<String> ids = new HashSet<>();
        Set<String> patterns = new HashSet<>();
        for (TaskKind kind : TaskKind.values()) {
            InstructionBuilder b = InstructionBuilder.forTask(kind);
            assertEquals(kind, b.kind());
            for (Language language : Language.values()) {
                List<Wording> w = b.wordings(language);
                assertTrue(w.size() >= 6 && w.size() <= 15, kind + " " + language + ": " + w.size());
                for (Wording x : w) {
                    assertTrue(ids.add(x.id()), "duplicate wording id " + x.id());
                    assertTrue(patterns.add(x.pattern()), "duplicate wording " + x.pattern());
                    assertTrue(x.id().startsWith(kind.code() + "-" + language.code() + "-"), x.id());
                }
            }
        }
    }

    @Test
    void instructionsNameTheSchemaByDisplayNamesOfTheirLanguage() throws Exception {
        Document en = TestCorpora.ncbiDevel().get(0);
        Document zh = TestCorpora.cmeee().get(0);
        Instruction ner = InstructionBuilder.forTask(TaskKind.NER).build(en.id(), Language.ENGLISH, en.text(), SCHEMA);
        assertTrue(ner.text().contains("Disease, Drug"), ner.text());
        assertTrue(ner.text().contains(en.text().strip()));
        Instruction nerZh = InstructionBuilder.forTask(TaskKind.NER).build(zh.id(), Language.CHINESE, zh.text(), SCHEMA);
        assertTrue(nerZh.text().contains("疾病，药物"), nerZh.text());
        assertFalse(nerZh.text().contains("dis"), "the schema's internal names stay out of the prompt");
        Instruction re = InstructionBuilder.forTask(TaskKind.RE).build(en.id(), Language.ENGLISH, en.text(), SCHEMA);
        assertTrue(re.text().contains("chemical-induced disease"), re.text());
        Instruction tc = InstructionBuilder.forTask(TaskKind.TC).build(zh.id(), Language.CHINESE, zh.text(), SCHEMA);
        assertTrue(tc.text().contains("预防，治疗"), tc.text());
        assertEquals(TaskKind.TC, tc.kind());
    }

    @Test
    void theWordingIsFixedPerDocumentAndSpreadOverACorpus() throws Exception {
        InstructionBuilder ner = InstructionBuilder.forTask(TaskKind.NER);
        Set<String> used = new HashSet<>();
        for (Document d : TestCorpora.ncbiDevel()) {
            Instruction first = ner.build(d.id(), Language.ENGLISH, "window one", SCHEMA);
            Instruction again = new NerInstructions().build(d.id(), Language.ENGLISH, "window two", SCHEMA);
            assertEquals(first.wordingId(), again.wordingId(), d.id());
            used.add(first.wordingId());
        }
        assertTrue(used.size() >= ner.wordings(Language.ENGLISH).size() - 1,
                "100 documents use most wordings, used " + used);
    }

    @Test
    void aDocumentSpellingAPlaceholderIsLeftAsItIs() {
        Instruction i = InstructionBuilder.forTask(TaskKind.NER).build("d1", Language.ENGLISH, "the {types} and {text} tokens",
                SCHEMA);
        assertTrue(i.text().contains("the {types} and {text} tokens"), i.text());
    }

    @Test
    void aSchemaWithoutTheTaskTypesIsAClearError() {
        LabelSchema onlyEntities = new LabelSchema(SCHEMA.entityTypes(), List.of(), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstructionBuilder.forTask(TaskKind.RE).build("d1", Language.ENGLISH, "text", onlyEntities));
        assertTrue(e.getMessage().contains("relation types") && e.getMessage().contains("d1"), e.getMessage());
        assertEquals(TaskKind.RE, TaskKind.parse(" re "));
        assertThrows(IllegalArgumentException.class, () -> TaskKind.parse("qa"));
    }
}
