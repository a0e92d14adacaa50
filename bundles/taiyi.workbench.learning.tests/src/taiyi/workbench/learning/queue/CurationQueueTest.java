package taiyi.workbench.learning.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.learning.learner.DocumentPrediction;
import taiyi.workbench.testing.TestCorpora;

/** The exploration share: how many random picks, in which slots, and how it falls as curation warms up. */
class CurationQueueTest {

    @Test
    void theShareIsAllRandomWithNothingCuratedAndFallsToTheConfiguredOne() {
        Exploration e = new Exploration(0.1, 20);
        assertEquals(1.0, e.shareAt(0), 1e-12);
        // halfway through the warm-up: 0.1 + 0.9 × 0.5
        assertEquals(0.55, e.shareAt(10), 1e-12);
        assertEquals(0.1, e.shareAt(20), 1e-12);
        assertEquals(0.1, e.shareAt(500), 1e-12);
        assertEquals(0.0, Exploration.NONE.shareAt(0), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Exploration(1.5, 0));
    }

    @Test
    void randomSlotsAreSpreadEvenly() {
        List<Integer> slots = new ArrayList<>();
        for (int slot = 1; slot <= 12; slot++) {
            if (Exploration.isRandomSlot(slot, 0.25)) {
                slots.add(slot);
            }
        }
        assertEquals(List.of(4, 8, 12), slots);
        int third = 0;
        for (int slot = 1; slot <= 30; slot++) {
            third += Exploration.isRandomSlot(slot, 1.0 / 3) ? 1 : 0;
        }
        assertEquals(10, third);
    }

    @Test
    void explorationSlotsTakeRandomPicksAndTheOthersKeepTheStrategysOrder() throws Exception {
        List<Document> devel = TestCorpora.bc5cdrDevel().subList(0, 28);
        List<QueueCandidate> candidates = new ArrayList<>();
        // document i has margin i / 100: the margin strategy ranks them in corpus order
        for (int i = 0; i < 8; i++) {
            Document doc = devel.get(i);
            candidates.add(QueueCandidate.of(doc, "tagger", new DocumentPrediction(doc.id(), List.of(), 100, -1, i / 100.0)));
        }
        List<Document> curated = devel.subList(8, 28);
        QueuePool warm = new QueuePool(candidates, curated, DecisionCost.DEFAULT);
        List<String> byMargin = candidates.stream().map(QueueCandidate::documentId).toList();

        List<RankedDocument> none = new CurationQueue(new MarginStrategy(), new Exploration(0, 20), 1).next(warm, 8);
        assertEquals(byMargin, none.stream().map(RankedDocument::documentId).toList());

        // 20 curated: warm, share 0.25, so slots 4 and 8 are random picks and the rest follow the margins
        CurationQueue queue = new CurationQueue(new MarginStrategy(), new Exploration(0.25, 20), 5);
        List<RankedDocument> mixed = queue.next(warm, 8);
        assertEquals(8, mixed.size());
        List<String> strategyPicks = new ArrayList<>();
        for (RankedDocument r : mixed) {
            boolean random = r.rank() == 4 || r.rank() == 8;
            assertEquals(random ? RandomStrategy.ID : MarginStrategy.ID, r.strategy(), "slot " + r.rank());
            if (!random) {
                strategyPicks.add(r.documentId());
            }
        }
        List<String> expected = new ArrayList<>(byMargin);
        expected.retainAll(strategyPicks);
        assertEquals(expected, strategyPicks);
        assertEquals(mixed, queue.next(warm, 8));
        assertEquals(3, queue.next(warm, 3).size());

        // nothing curated: every slot is a random pick
        List<RankedDocument> cold = new CurationQueue(new MarginStrategy(), new Exploration(0.25, 20), 5)
                .next(QueuePool.of(candidates), 8);
        assertEquals(8, cold.stream().filter(r -> r.strategy().equals(RandomStrategy.ID)).count());
    }
}
