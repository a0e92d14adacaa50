package taiyi.workbench.core.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void aConceptIsNamedAsDbColonIdOrAsTheBareId() {
        Normalization mesh = new Normalization("MESH", "D008094");
        assertTrue(mesh.matches("MESH:D008094"));
        assertTrue(mesh.matches("D008094"));
        assertFalse(mesh.matches("MeSH:D008094"), "the knowledge base as the source names it");
        assertFalse(mesh.matches("MESH:D00809"));
        assertFalse(mesh.matches("MESHD008094"));
        assertFalse(mesh.matches("MESH;D008094"));
        assertFalse(mesh.matches("OMIM:D008094"));
        assertFalse(mesh.matches("MESH:D008094 "));
        assertFalse(mesh.matches(""));
        Normalization bare = new Normalization("", "D008094");
        assertTrue(bare.matches("D008094"));
        assertFalse(bare.matches(":D008094"));
        assertFalse(bare.matches("MESH:D008094"));
    }

    @Test
    void aMentionIsNormalizedToAnyOfItsConcepts() {
        EntityMention m = EntityMention.of("T1", "Disease", 0, 4,
                List.of(new Normalization("MESH", "D001"), Normalization.parse("OMIM:1234")));
        assertTrue(m.isNormalizedTo("D001"));
        assertTrue(m.isNormalizedTo("OMIM:1234"));
        assertTrue(m.isNormalizedTo("1234"));
        assertFalse(m.isNormalizedTo("D002"));
        assertFalse(EntityMention.of("T2", "Disease", 0, 4, List.of()).isNormalizedTo("D001"));
    }
}
