package taiyi.workbench.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What a reader of each language sees for a type: the schema's names, a known schema's, else the code. */
class LabelSchemaNamesTest {

    private static final LabelSchema INFERRED = new LabelSchema(
            List.of(new EntityType("bod", "bod", "bod"), new EntityType("Gene", "Gene", "Gene")),
            List.of(new EntityType("CID", "CID", "CID")), List.of());

    @Test
    void bareCodesOfKnownCorporaReadAsTheirNames() {
        assertEquals("身体", INFERRED.entityTypeName("bod", Language.CHINESE));
        assertEquals("Body", INFERRED.entityTypeName("bod", Language.ENGLISH));
        assertEquals("化学物质诱发疾病", INFERRED.relationTypeName("CID", Language.CHINESE));
        // a code only a document uses, not in the schema at all
        assertEquals("疾病", INFERRED.entityTypeName("dis", Language.CHINESE));
    }

    @Test
    void aSchemasOwnNamesWinAndUnknownCodesStayAsTheyAre() {
        LabelSchema own = new LabelSchema(List.of(new EntityType("bod", "Anatomy", "解剖")), List.of(), List.of());
        assertEquals("解剖", own.entityTypeName("bod", Language.CHINESE));
        assertEquals("Anatomy", own.entityTypeName("bod", Language.ENGLISH));
        assertEquals("Gene", INFERRED.entityTypeName("Gene", Language.CHINESE));
        assertEquals("xyz", INFERRED.relationTypeName("xyz", Language.ENGLISH));
    }
}
