package taiyi.workbench.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.curation.LabelSuggestion;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;

class ProvenanceTest {

    @Test
    void aRunsProvenanceNamesTheWordingOfEachQuestion() {
        Provenance run = new Provenance("DUTIR-BioNLP/Taiyi-LLM", "adapter-r2", "taiyi1", 2);
        Provenance asked = run.withWording("ner-en-3");
        assertEquals("taiyi1/ner-en-3", asked.promptTemplateId());
        assertEquals(new Provenance("DUTIR-BioNLP/Taiyi-LLM", "adapter-r2", "taiyi1/ner-en-3", 2), asked);
    }

    @Test
    void missingAdapterAndTemplateAreEmptyAndANegativeRoundOrNoModelIsRefused() {
        Provenance p = new Provenance("m", null, null, 0);
        assertEquals("", p.adapterId());
        assertEquals("", p.promptTemplateId());
        assertThrows(IllegalArgumentException.class, () -> new Provenance("m", "", "t", -1));
        assertThrows(NullPointerException.class, () -> new Provenance(null, "", "t", 0));
    }

    @Test
    void everySuggestionKindCarriesTheSameProvenanceAndRefusesNone() {
        Provenance p = new Provenance("m", "a", "t/ner-en-1", 1);
        EntityMention mention = EntityMention.of("s-1-1", "Disease", 0, 4, List.of());
        assertSame(p, new Suggestion(mention, p, -0.5).provenance());
        assertSame(p, new RelationSuggestion(new Relation("s-1-2", "CID", "s-1-1", "s-1-3"), p, -0.5).provenance());
        assertSame(p, new LabelSuggestion("Prevention", p, -0.5).provenance());
        assertThrows(NullPointerException.class, () -> new Suggestion(mention, null, -0.5));
        assertThrows(NullPointerException.class, () -> new LabelSuggestion("Prevention", null, -0.5));
    }

    @Test
    void layersAreStoredAndSearchedByTheirIds() {
        assertEquals("curated", AnnotationLayer.CURATED.id());
        assertEquals("suggested", AnnotationLayer.SUGGESTED.id());
        for (AnnotationLayer l : AnnotationLayer.values()) {
            assertSame(l, AnnotationLayer.of(l.id()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnnotationLayer.of("gold"));
        assertEquals("no annotation layer 'gold' (curated or suggested)", e.getMessage());
    }
}
