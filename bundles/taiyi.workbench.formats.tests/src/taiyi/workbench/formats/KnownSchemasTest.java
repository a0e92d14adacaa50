package taiyi.workbench.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.KnownSchemas;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.formats.cblue.CmeeeReader;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.testing.TestCorpora;

/** The known schemas name every type the real corpora carry, in both languages. */
class KnownSchemasTest {

    @Test
    void everyCmeeeTypeOfTheDevelopmentSubsetGetsTheGuidelinesChineseName() throws Exception {
        List<Document> docs = new CmeeeReader().read(TestCorpora.file("cmeee/CMeEE_dev_subset.json"));
        LabelSchema named = KnownSchemas.named(LabelSchema.inferredFrom(docs));
        Map<String, String> chinese = new TreeMap<>();
        named.entityTypes().forEach(t -> chinese.put(t.name(), t.displayName(Language.CHINESE)));
        // the CMeEE guidelines' names (issue 21)
        assertEquals(Map.of("dis", "疾病", "sym", "临床表现", "pro", "医疗程序", "equ", "医疗设备", "dru", "药物",
                "ite", "医学检验项目", "bod", "身体", "dep", "科室", "mic", "微生物类"), chinese);
        assertTrue(named.entityTypes().stream().allMatch(t -> !t.displayName(Language.ENGLISH).equals(t.name())),
                named.entityTypes().toString());
    }

    @Test
    void bc5cdrEntitiesAndItsRelationAreNamedInBothLanguages() throws Exception {
        List<Document> docs = new PubTatorReader().read(TestCorpora.file("bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
        LabelSchema named = KnownSchemas.named(LabelSchema.inferredFrom(docs));
        assertEquals(List.of("Chemical", "Disease"), named.entityTypes().stream().map(EntityType::name).sorted().toList());
        assertEquals("化学物质", named.entityType("Chemical").orElseThrow().chinese());
        assertEquals("疾病", named.entityType("Disease").orElseThrow().chinese());
        EntityType cid = named.relationTypes().get(0);
        assertEquals("CID", cid.name());
        assertEquals("Chemical-induced disease", cid.english());
        assertEquals("化学物质诱发疾病", cid.chinese());
    }

    @Test
    void namesASchemaGaveItsTypesWinAndUnknownCodesStayCodes() {
        LabelSchema own = new LabelSchema(List.of(new EntityType("dis", "Illness", "病"), new EntityType("xyz", "xyz", "xyz")),
                List.of(), List.of());
        LabelSchema named = KnownSchemas.named(own);
        assertEquals(new EntityType("dis", "Illness", "病"), named.entityTypes().get(0));
        assertEquals(new EntityType("xyz", "xyz", "xyz"), named.entityTypes().get(1));
        assertEquals("Symptom", KnownSchemas.entityType("症状").orElseThrow().english());
        assertEquals("Drug treatment", KnownSchemas.relationType("药物治疗").orElseThrow().english());
        assertTrue(KnownSchemas.relationType("dis").isEmpty());
    }
}
