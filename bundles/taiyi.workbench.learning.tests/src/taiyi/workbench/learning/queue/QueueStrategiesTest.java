package taiyi.workbench.learning.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.learning.learner.DocumentPrediction;
import taiyi.workbench.learning.learner.PredictedMention;
import taiyi.workbench.testing.TestCorpora;

/**
 * Every strategy's ranking on constructed predictions placed on the gold mentions of real BC5CDR
 * development abstracts; each expected order is worked out by hand in the test from the figures it sets.
 */
class QueueStrategiesTest {

    static List<Document> devel;
    static Document a;
    static Document b;
    static Document c;
    static Document d;

    @BeforeAll
    static void read() throws Exception {
        devel = TestCorpora.bc5cdrDevel();
        a = devel.get(0);
        b = devel.get(1);
        c = devel.get(2);
        d = devel.get(3);
    }

    /** The document's gold mention {@code index}, predicted with its own type and the given confidences. */
    static PredictedMention on(Document doc, int index, double confidence, String runnerUp, double runnerUpConfidence) {
        EntityMention m = doc.mentions().get(index);
        return new PredictedMention(m.start(), m.end(), m.type(), confidence, runnerUp, runnerUpConfidence);
    }

    static DocumentPrediction prediction(Document doc, List<PredictedMention> mentions, int tokens, double logP,
            double smallestTokenMargin) {
        return new DocumentPrediction(doc.id(), mentions, tokens, logP, smallestTokenMargin);
    }

    static List<String> ids(List<RankedDocument> ranked) {
        return ranked.stream().map(RankedDocument::documentId).toList();
    }

    @Test
    void marginPutsTheSmallestBestMinusRunnerUpFirstCountingUnannotatedUnits() {
        // a: margins 0.85 and 0.30; b: 0.55 - 0.40 = 0.15; c: no mention, but a unit at margin 0.20; d: nothing
        QueuePool pool = QueuePool.of(List.of(
                QueueCandidate.of(a, "tagger", prediction(a, List.of(on(a, 0, 0.9, "O", 0.05), on(a, 1, 0.6, "Disease", 0.3)),
                        120, -2, 0.9)),
                QueueCandidate.of(b, "tagger", prediction(b, List.of(on(b, 0, 0.55, "O", 0.40)), 150, -3, 1)),
                QueueCandidate.of(c, "tagger", prediction(c, List.of(), 90, -1, 0.20)),
                QueueCandidate.of(d, "tagger", prediction(d, List.of(), 80, 0, 1))));
        List<RankedDocument> ranked = new MarginStrategy().rank(pool);
        // 1 - margin: b 0.85, c 0.80, a 0.70, d 0
        assertEquals(List.of(b.id(), c.id(), a.id(), d.id()), ids(ranked));
        assertEquals(0.85, ranked.get(0).score(), 1e-9);
        assertEquals(0.70, ranked.get(2).score(), 1e-9);
        assertEquals(List.of(1, 2, 3, 4), ranked.stream().map(RankedDocument::rank).toList());
        String chemical = b.text().substring(b.mentions().get(0).start(), b.mentions().get(0).end());
        assertTrue(ranked.get(0).reason().contains("'" + chemical + "'"), ranked.get(0).reason());
        assertTrue(ranked.get(1).reason().contains("unannotated"), ranked.get(1).reason());
        // inside a, the hesitant second mention (0.30) before the sure first one (0.85)
        List<UncertainSuggestion> insideA = ranked.get(2).suggestions();
        assertEquals(a.mentions().get(1).start(), insideA.get(0).mention().start());
        assertEquals(a.mentions().get(0).start(), insideA.get(1).mention().start());
        assertEquals(MarginStrategy.ID, ranked.get(0).strategy());
    }

    @Test
    void leastConfidencePrefersTheLongDocumentAndMnlpTheShortOne() {
        // a: log P -6 over 300 units; b: log P -3 over 30 units
        QueuePool pool = QueuePool.of(List.of(
                QueueCandidate.of(a, "tagger", prediction(a, List.of(on(a, 0, 0.9, "O", 0.1)), 300, -6, 0.5)),
                QueueCandidate.of(b, "tagger", prediction(b, List.of(on(b, 0, 0.9, "O", 0.1)), 30, -3, 0.5))));
        // least confidence: 1 - e^-6 = 0.9975 for a, 1 - e^-3 = 0.9502 for b
        List<RankedDocument> lc = new LeastConfidenceStrategy().rank(pool);
        assertEquals(List.of(a.id(), b.id()), ids(lc));
        assertEquals(1 - Math.exp(-6), lc.get(0).score(), 1e-9);
        // MNLP: 6 / 300 = 0.02 for a, 3 / 30 = 0.1 for b
        List<RankedDocument> mnlp = new MnlpStrategy().rank(pool);
        assertEquals(List.of(b.id(), a.id()), ids(mnlp));
        assertEquals(0.1, mnlp.get(0).score(), 1e-9);
        assertEquals(0.02, mnlp.get(1).score(), 1e-9);
    }

    @Test
    void marginPerTokenPrefersTheDocumentThatHesitatesOnMoreOfItsUnitsWhateverItsLength() {
        // a: 300 units, one very unsure unit (smallest margin 0.05) but a mean unit margin of 0.96;
        // b: 30 units, smallest margin 0.40 but a mean of 0.80; c: no marginals, two suggestions of
        // margins 0.3 and 0.5 over 50 units
        QueuePool pool = QueuePool.of(List.of(
                QueueCandidate.of(a, "tagger", new DocumentPrediction(a.id(), List.of(on(a, 0, 0.5, "O", 0.45)), 300, -9, 0.05, 0.96)),
                QueueCandidate.of(b, "tagger", new DocumentPrediction(b.id(), List.of(on(b, 0, 0.65, "O", 0.25)), 30, -2, 0.40, 0.80)),
                QueueCandidate.of(c, "dictionary", prediction(c, List.of(on(c, 0, 0.6, "O", 0.3), on(c, 1, 0.7, "O", 0.2)), 50, 0, 0.3))));
        // document-level margin takes a first (1 - 0.05), then c (1 - 0.3), then b (1 - 0.4)
        assertEquals(List.of(a.id(), c.id(), b.id()), ids(new MarginStrategy().rank(pool)));
        // per unit: b 1 - 0.80 = 0.20, a 1 - 0.96 = 0.04, c ((1 - 0.3) + (1 - 0.5)) / 50 = 0.024
        List<RankedDocument> perToken = new MarginPerTokenStrategy().rank(pool);
        assertEquals(List.of(b.id(), a.id(), c.id()), ids(perToken));
        assertEquals(0.20, perToken.get(0).score(), 1e-9);
        assertEquals(0.04, perToken.get(1).score(), 1e-9);
        assertEquals(1.2 / 50, perToken.get(2).score(), 1e-9);
        assertTrue(perToken.get(0).reason().contains("mean unit margin 0.8"), perToken.get(0).reason());
        assertEquals(MarginPerTokenStrategy.ID, perToken.get(0).strategy());
    }

    @Test
    void withoutASequenceProbabilityTheSuggestionsStandForIt() {
        // Taiyi's stored suggestions: no sequence probability; a's least confident mention 0.4, b's 0.7
        QueuePool pool = QueuePool.of(List.of(
                QueueCandidate.of(b, "taiyi", prediction(b, List.of(on(b, 0, 0.7, "?", 0), on(b, 1, 0.9, "?", 0)), 0, 0, 1)),
                QueueCandidate.of(a, "taiyi", prediction(a, List.of(on(a, 0, 0.4, "?", 0)), 0, 0, 1))));
        List<RankedDocument> lc = new LeastConfidenceStrategy().rank(pool);
        assertEquals(List.of(a.id(), b.id()), ids(lc));
        assertEquals(0.6, lc.get(0).score(), 1e-9);
        // MNLP: -ln 0.4 = 0.916 for a; (-ln 0.7 - ln 0.9) / 2 = 0.231 for b
        List<RankedDocument> mnlp = new MnlpStrategy().rank(pool);
        assertEquals(List.of(a.id(), b.id()), ids(mnlp));
        assertEquals((-Math.log(0.7) - Math.log(0.9)) / 2, mnlp.get(1).score(), 1e-9);
    }

    @Test
    void disagreementRanksTheDisputedDocumentFirstAndItsDisputedSuggestionFirst() {
        // a: tagger and dictionary agree on mentions 0 and 1, only the tagger has 2: 1 of 3 disputed
        DocumentPrediction taggerA = prediction(a, List.of(on(a, 0, 0.9, "O", 0.1), on(a, 1, 0.95, "O", 0.05),
                on(a, 2, 0.97, "O", 0.01)), 100, -1, 0.5);
        DocumentPrediction dictionaryA = prediction(a, List.of(on(a, 0, 0.8, "O", 0.2), on(a, 1, 0.6, "O", 0.4)), 0, 0, 1);
        // b: both agree on everything
        DocumentPrediction taggerB = prediction(b, List.of(on(b, 0, 0.6, "O", 0.4)), 100, -1, 0.5);
        DocumentPrediction dictionaryB = prediction(b, List.of(on(b, 0, 0.9, "O", 0.1)), 0, 0, 1);
        // c: the tagger has 0, the dictionary 1: 2 of 2 disputed
        DocumentPrediction taggerC = prediction(c, List.of(on(c, 0, 0.9, "O", 0.1)), 100, -1, 0.5);
        DocumentPrediction dictionaryC = prediction(c, List.of(on(c, 1, 0.9, "O", 0.1)), 0, 0, 1);
        QueuePool pool = QueuePool.of(List.of(
                QueueCandidate.of(b, List.of(SourcePrediction.inMemory("tagger", taggerB), SourcePrediction.inMemory("dictionary", dictionaryB))),
                QueueCandidate.of(a, List.of(SourcePrediction.inMemory("tagger", taggerA), SourcePrediction.inMemory("dictionary", dictionaryA))),
                QueueCandidate.of(d, "tagger", prediction(d, List.of(on(d, 0, 0.5, "O", 0.5)), 100, -1, 0)),
                QueueCandidate.of(c, List.of(SourcePrediction.inMemory("tagger", taggerC), SourcePrediction.inMemory("dictionary", dictionaryC)))));
        List<RankedDocument> ranked = new DisagreementStrategy().rank(pool);
        // c 1.0, a 1/3, then b and d at 0 in pool order
        assertEquals(List.of(c.id(), a.id(), b.id(), d.id()), ids(ranked));
        assertEquals(1.0, ranked.get(0).score(), 1e-9);
        assertEquals(1.0 / 3, ranked.get(1).score(), 1e-9);
        // inside a, the tagger's lone mention 2 first although it is its surest (margin 0.96)
        UncertainSuggestion first = ranked.get(1).suggestions().get(0);
        assertEquals(a.mentions().get(2).start(), first.mention().start());
        assertEquals("tagger", first.source());
        assertTrue(ranked.get(3).reason().startsWith("only tagger"), ranked.get(3).reason());
    }

    @Test
    void diversityHoldsBackNearDuplicatesOfWhatIsCuratedAndOfWhatIsQueuedAhead() {
        // the copy of b is b's text under another id; b is curated. Copy of c duplicates candidate c.
        Document copyOfB = new Document("copy-of-" + b.id(), b.language(), b.text(), List.of(), Map.of(), List.of(), List.of());
        Document copyOfC = new Document("copy-of-" + c.id(), c.language(), c.text(), List.of(), Map.of(), List.of(), List.of());
        // margins: copy of b 0.05, c 0.10, copy of c 0.12, a 0.50, d 0.60
        List<QueueCandidate> candidates = List.of(
                QueueCandidate.of(a, "tagger", prediction(a, List.of(), 100, -1, 0.50)),
                QueueCandidate.of(copyOfB, "tagger", prediction(copyOfB, List.of(), 100, -1, 0.05)),
                QueueCandidate.of(c, "tagger", prediction(c, List.of(), 100, -1, 0.10)),
                QueueCandidate.of(copyOfC, "tagger", prediction(copyOfC, List.of(), 100, -1, 0.12)),
                QueueCandidate.of(d, "tagger", prediction(d, List.of(), 100, -1, 0.60)));
        QueuePool pool = new QueuePool(candidates, List.of(b), DecisionCost.DEFAULT);
        assertEquals(List.of(copyOfB.id(), c.id(), copyOfC.id(), a.id(), d.id()), ids(new MarginStrategy().rank(pool)));
        List<RankedDocument> ranked = new DiversityStrategy(new MarginStrategy(), DiversityStrategy.DEFAULT_THRESHOLD).rank(pool);
        // c first (the copy of b repeats curated b); then a and d, distinct abstracts, by margin; the two copies last,
        // both at similarity 1, so in margin order
        assertEquals(List.of(c.id(), a.id(), d.id(), copyOfB.id(), copyOfC.id()), ids(ranked));
        assertTrue(ranked.get(3).reason().contains("near-duplicate of " + b.id()), ranked.get(3).reason());
        assertTrue(ranked.get(4).reason().contains("near-duplicate of " + c.id()), ranked.get(4).reason());
        assertEquals(0, ranked.get(4).score(), 1e-9);
    }

    @Test
    void minHashSeesACopyAsTheSameAndTwoAbstractsAsDifferent() {
        MinHashSignature sa = MinHashSignature.of(a.text());
        assertEquals(1.0, sa.similarity(MinHashSignature.of(a.text().toUpperCase(java.util.Locale.ROOT))), 1e-9);
        assertTrue(sa.similarity(MinHashSignature.of(b.text())) < 0.1);
        // half of a's text shares about half of its shingles' union
        String half = a.text().substring(0, a.text().length() / 2);
        double s = sa.similarity(MinHashSignature.of(half));
        assertTrue(s > 0.3 && s < 0.7, "similarity of a to its first half: " + s);
    }

    @Test
    void costAwareRanksEquallyUncertainDocumentsByExpectedSeconds() {
        // both at margin 0.2 (score 0.8); a has 1 suggestion (2 decisions), b 4 (5 decisions); 2 s per decision
        QueuePool pool = new QueuePool(List.of(
                QueueCandidate.of(b, "tagger", prediction(b, List.of(on(b, 0, 0.6, "O", 0.4), on(b, 1, 0.9, "O", 0.1),
                        on(b, 2, 0.9, "O", 0.1), on(b, 3, 0.9, "O", 0.1)), 100, -1, 1)),
                QueueCandidate.of(a, "tagger", prediction(a, List.of(on(a, 0, 0.6, "O", 0.4)), 100, -1, 1))),
                List.of(), new DecisionCost(2.0, 10));
        assertEquals(List.of(b.id(), a.id()), ids(new MarginStrategy().rank(pool)));
        List<RankedDocument> ranked = new CostAwareStrategy(new MarginStrategy()).rank(pool);
        assertEquals(List.of(a.id(), b.id()), ids(ranked));
        assertEquals(0.8 / 4.0, ranked.get(0).score(), 1e-9);
        assertEquals(0.8 / 10.0, ranked.get(1).score(), 1e-9);
    }

    @Test
    void randomIsASeededPermutation() {
        List<QueueCandidate> candidates = new ArrayList<>();
        for (Document doc : devel.subList(0, 30)) {
            candidates.add(QueueCandidate.of(doc, List.of()));
        }
        QueuePool pool = QueuePool.of(candidates);
        List<String> first = ids(new RandomStrategy(7).rank(pool));
        assertEquals(first, ids(new RandomStrategy(7).rank(pool)));
        assertEquals(new HashSet<>(candidates.stream().map(QueueCandidate::documentId).toList()), new HashSet<>(first));
        assertTrue(!first.equals(ids(new RandomStrategy(8).rank(pool))));
        assertTrue(!first.equals(candidates.stream().map(QueueCandidate::documentId).toList()));
    }

    @Test
    void strategiesAreFoundByNameAndAnUnknownNameListsTheKnownOnes() {
        for (String name : QueueStrategies.NAMES) {
            assertEquals(name, QueueStrategies.named(name, 1).id());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueueStrategies.named("entropy", 1));
        assertTrue(e.getMessage().startsWith("unknown queue strategy 'entropy' (known: margin, random, "), e.getMessage());
    }
}
