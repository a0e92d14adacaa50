package taiyi.workbench.learning.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.testing.TestCorpora;

/** Agreement between two curators: kappa on a constructed case computed by hand, F1 on a real abstract. */
class CuratorAgreementTest {

    @Test
    void kappaOfTenTokensByHand() {
        String text = "a b c d e f g h i j";
        // first: Disease over a..d; second: Disease over a..c and Chemical over f
        Document first = doc(text, EntityMention.of("T1", "Disease", 0, 7, List.of()));
        Document second = doc(text, EntityMention.of("T1", "Disease", 0, 5, List.of()), EntityMention.of("T2", "Chemical", 10, 11, List.of()));
        Agreement a = CuratorAgreement.compare(List.of(curated("A", first)), List.of(curated("B", second)));
        // labels  first:  D D D D O O O O O O
        //         second: D D D O O C O O O O   -> 8 of 10 agree
        // chance: D 0.4 x 0.3 + O 0.6 x 0.6 + C 0 x 0.1 = 0.48
        assertEquals(10, a.tokens());
        assertEquals(0.8, a.observed(), 1e-12);
        assertEquals((0.8 - 0.48) / (1 - 0.48), a.kappa(), 1e-12);
        assertEquals(new Tally(0, 1, 1), a.mentions().of("Disease"));
        assertEquals(new Tally(0, 1, 0), a.mentions().of("Chemical"));
    }

    @Test
    void identicalCopiesAgreeFullyAndADroppedMentionCosts() throws Exception {
        Document lithium = TestCorpora.bc5cdrDevelAbstract("6794356");
        Agreement same = CuratorAgreement.compare(List.of(curated("A", lithium)), List.of(curated("B", lithium)));
        assertEquals(1.0, same.kappa(), 1e-12);
        assertEquals(1.0, same.mentions().micro().f1(), 1e-12);

        // the second curator left out "congestive heart failure" (146-170): three tokens fewer labelled Disease
        List<EntityMention> fewer = lithium.mentions().stream().filter(m -> m.start() != 146).toList();
        Document other = new Document(lithium.id(), lithium.language(), lithium.text(), lithium.passages(), lithium.metadata(), fewer, List.of());
        Agreement a = CuratorAgreement.compare(List.of(curated("A", lithium)), List.of(curated("B", other)));
        assertEquals(new Tally(11, 0, 1), a.mentions().of("Disease"));
        assertEquals(a.tokens() - 3, Math.round(a.observed() * a.tokens()));
    }

    @Test
    void refusesCopiesOfDifferentDocuments() throws Exception {
        Document lithium = TestCorpora.bc5cdrDevelAbstract("6794356");
        Document phenobarbital = TestCorpora.bc5cdrDevelAbstract("6504332");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CuratorAgreement.compare(List.of(curated("A", lithium)), List.of(curated("B", phenobarbital))));
        assertEquals("document 6794356 of corpus 'A' is missing from the other copy", e.getMessage());
    }

    private static Document doc(String text, EntityMention... mentions) {
        return new Document("d1", Language.ENGLISH, text, List.of(), Map.of(), List.of(mentions), List.of());
    }

    private static CuratedDocument curated(String corpus, Document d) {
        return new CuratedDocument(corpus, d, CurationState.DONE);
    }
}
