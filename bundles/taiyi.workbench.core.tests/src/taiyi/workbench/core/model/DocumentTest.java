package taiyi.workbench.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DocumentTest {

    private static final String TEXT = "Cisplatin induced nephrotoxicity and hearing loss.";

    @Test
    void discontinuousMentionJoinsItsSpansTexts() {
        EntityMention m = new EntityMention("T1", "Disease", List.of(new Span(18, 23), new Span(37, 44)), List.of());
        assertTrue(m.isDiscontinuous());
        assertEquals("nephr hearing", m.coveredText(TEXT));
        assertEquals(18, m.start());
        assertEquals(44, m.end());
    }

    @Test
    void overlappingMentionsAreAllowedAndRelationsMayNameConcepts() {
        EntityMention chemical = EntityMention.of("T1", "Chemical", 0, 9, List.of(Normalization.parse("MESH:D002945")));
        EntityMention disease = EntityMention.of("T2", "Disease", 18, 32, List.of(Normalization.parse("D007674")));
        EntityMention nested = EntityMention.of("T3", "Organ", 18, 23, List.of());
        Document d = new Document("1", Language.ENGLISH, TEXT, List.of(), Map.of("pmid", "1"),
                List.of(chemical, disease, nested), List.of(new Relation("R1", "CID", "D002945", "D007674"),
                        new Relation("R2", "causes", "T1", "T2")));
        assertTrue(disease.spans().get(0).overlaps(nested.spans().get(0)));
        assertEquals(2, d.relations().size());
    }

    @Test
    void spanPastTheTextIsRefused() {
        EntityMention m = EntityMention.of("T1", "Disease", 40, 60, List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Document("7", Language.ENGLISH, TEXT, List.of(), Map.of(), List.of(m), List.of()));
        assertTrue(e.getMessage().contains("mention T1"), e.getMessage());
    }

    @Test
    void relationToAnUnknownArgumentIsRefused() {
        EntityMention m = EntityMention.of("T1", "Chemical", 0, 9, List.of(Normalization.parse("MESH:D002945")));
        assertThrows(IllegalArgumentException.class, () -> new Document("7", Language.ENGLISH, TEXT, List.of(), Map.of(),
                List.of(m), List.of(new Relation("R1", "CID", "D002945", "D999999"))));
    }

    @Test
    void duplicateMentionIdsAreRefused() {
        EntityMention a = EntityMention.of("T1", "Chemical", 0, 9, List.of());
        EntityMention b = EntityMention.of("T1", "Disease", 18, 32, List.of());
        assertThrows(IllegalArgumentException.class,
                () -> new Document("7", Language.ENGLISH, TEXT, List.of(), Map.of(), List.of(a, b), List.of()));
    }

    @Test
    void emptyOrReversedSpansAndOverlappingPartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Span(5, 5));
        assertThrows(IllegalArgumentException.class, () -> new Span(-1, 3));
        assertThrows(IllegalArgumentException.class,
                () -> new EntityMention("T1", "X", List.of(new Span(0, 5), new Span(3, 8)), List.of()));
        assertFalse(new Span(0, 5).overlaps(new Span(5, 8)));
    }

    @Test
    void languageIsDetectedFromTheScript() {
        assertEquals(Language.CHINESE, Language.detect("患者出现肺实变，给予头孢曲松 2g 静滴。"));
        assertEquals(Language.ENGLISH, Language.detect(TEXT));
        assertEquals(Language.CHINESE, Language.fromCode("zh-CN"));
        assertThrows(IllegalArgumentException.class, () -> Language.fromCode("fr"));
    }
}
