package taiyi.workbench.learning.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.curation.AnnotationSet;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.testing.TestCorpora;

/**
 * Exact-match scores of a hand-edited prediction of two BC5CDR development abstracts, counted by hand
 * from the PubTator lines of 6794356 (4 Chemical, 12 Disease, 3 CID) and 6504332 (4 Chemical,
 * 8 Disease, 1 CID).
 */
class ExactMatchScorerTest {

    @Test
    void countsMentionsAndConceptPairsByHand() throws Exception {
        Document lithium = TestCorpora.bc5cdrDevelAbstract("6794356");
        Document phenobarbital = TestCorpora.bc5cdrDevelAbstract("6504332");
        assertEquals(4, count(lithium, "Chemical"));
        assertEquals(12, count(lithium, "Disease"));
        assertEquals(4, count(phenobarbital, "Chemical"));
        assertEquals(8, count(phenobarbital, "Disease"));

        List<EntityMention> predicted = new ArrayList<>();
        int n = 0;
        for (EntityMention m : lithium.mentions()) {
            String id = "s" + n++;
            if (m.start() == 189) {
                continue; // "lithium" missed: Chemical FN
            } else if (m.start() == 52) {
                predicted.add(EntityMention.of(id, "Chemical", 52, 60, List.of())); // "toxicity" as Chemical: Chemical FP, Disease FN
            } else if (m.start() == 345) {
                predicted.add(EntityMention.of(id, "Disease", 337, 360, m.normalizations())); // wrong start: Disease FP and FN
            } else {
                predicted.add(new EntityMention(id, m.type(), m.spans(), m.normalizations()));
            }
        }
        predicted.add(EntityMention.of("s-extra", "Disease", 66, 80, List.of())); // "newborn infant": Disease FP
        List<Relation> relations = List.of(
                new Relation("r1", "CID", "MESH:D016651", "D003490"), // the gold pair, with the db prefix: TP
                new Relation("r2", "CID", "D016651", "D003866"), // TP; D001145 left out: FN
                new Relation("r3", "CID", "D008094", "D003490")); // lithium, not lithium carbonate: FP

        ExactMatchScorer scorer = new ExactMatchScorer()
                .add(gold(lithium), new AnnotationSet(predicted, relations))
                .add(gold(phenobarbital), gold(phenobarbital));

        ScoreTable mentions = scorer.mentions();
        assertEquals(new Tally(3 + 4, 1, 1), mentions.of("Chemical"));
        assertEquals(new Tally(10 + 8, 2, 2), mentions.of("Disease"));
        Tally micro = mentions.micro();
        assertEquals(new Tally(25, 3, 3), micro);
        assertEquals(25.0 / 28, micro.precision(), 1e-12);
        assertEquals(25.0 / 28, micro.recall(), 1e-12);
        assertEquals(25.0 / 28, micro.f1(), 1e-12);
        assertEquals(new Tally(2 + 1, 1, 1), scorer.relations().of("CID"));
        assertEquals(2, scorer.documents());
    }

    @Test
    void comparesMentionLevelRelationsByTheirArgumentsSpans() throws Exception {
        Document d = TestCorpora.bc5cdrDevelAbstract("6504332");
        // gold: Phenobarbital (0-13) causes dyskinesia (22-32), and phenobarbital (164-177) causes dyskinesia (133-143)
        List<EntityMention> gold = List.of(EntityMention.of("T1", "Chemical", 0, 13, List.of()),
                EntityMention.of("T2", "Disease", 22, 32, List.of()), EntityMention.of("T3", "Chemical", 164, 177, List.of()),
                EntityMention.of("T4", "Disease", 133, 143, List.of()));
        List<Relation> goldRelations = List.of(new Relation("R1", "CID", "T1", "T2"), new Relation("R2", "CID", "T3", "T4"));
        // predicted under other ids: the first pair right, the second pair's tail one character short
        List<EntityMention> predicted = List.of(EntityMention.of("a", "Chemical", 0, 13, List.of()),
                EntityMention.of("b", "Disease", 22, 32, List.of()), EntityMention.of("c", "Chemical", 164, 177, List.of()),
                EntityMention.of("d", "Disease", 133, 142, List.of()));
        List<Relation> predictedRelations = List.of(new Relation("x", "CID", "a", "b"), new Relation("y", "CID", "c", "d"),
                new Relation("z", "CID", "b", "a")); // reversed direction: FP
        ScoreTable relations = new ExactMatchScorer()
                .add(new AnnotationSet(gold, goldRelations), new AnnotationSet(predicted, predictedRelations)).relations();
        assertEquals(new Tally(1, 2, 1), relations.of("CID"));
        assertEquals(d.text().substring(22, 32), "dyskinesia");
    }

    @Test
    void scoresNothingPredictedAsZeroWithoutDividingByZero() {
        Tally none = new Tally(0, 0, 4);
        assertEquals(0, none.precision());
        assertEquals(0, none.recall());
        assertEquals(0, none.f1());
        assertEquals(0, Tally.ZERO.f1());
    }

    private static AnnotationSet gold(Document d) {
        return new AnnotationSet(d.mentions(), d.relations());
    }

    private static long count(Document d, String type) {
        return d.mentions().stream().filter(m -> m.type().equals(type)).count();
    }
}
