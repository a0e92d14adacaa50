package taiyi.workbench.curation.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.curation.AnnotationSet;
import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.curation.AnnotationModel;
import taiyi.workbench.testing.TestCorpora;

/** The force-directed layout on the concept graphs of the 500 BC5CDR development abstracts, read without a store. */
class ForceDirectedLayoutTest {

    private static final double SPACING = 80;

    private static RelationGraph developmentSet() throws Exception {
        List<DocumentRelations> docs = new ArrayList<>();
        for (Document d : TestCorpora.bc5cdrDevel()) {
            AnnotationModel model = new AnnotationModel(d.text());
            // the curated layer as the store folds an imported document
            model.setCurated(CurationFold.of(List.of(new CorrectionEvent(1, d.id(), "test", Instant.EPOCH, CorrectionAction.IMPORT,
                    null, null, null, null, null, new AnnotationSet(d.mentions(), d.relations()), 0, "test", 0))));
            docs.add(DocumentRelations.of(d.id(), model));
        }
        return RelationGraph.of(docs);
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    @Test
    void relatedConceptsEndCloserThanAnyTwoAndPinnedOnesStay() throws Exception {
        RelationGraph graph = developmentSet();
        String pinnedKey = graph.edges().get(0).head();
        double[] pinnedAt = {-500, -500};
        ForceDirectedLayout layout = new ForceDirectedLayout(SPACING, 60);
        Map<String, double[]> placed = layout.place(graph, Map.of(pinnedKey, pinnedAt));
        assertEquals(graph.nodes().size(), placed.size());
        assertArrayEquals(pinnedAt, placed.get(pinnedKey));

        double related = graph.edges().stream().mapToDouble(e -> distance(placed.get(e.head()), placed.get(e.tail()))).average()
                .orElseThrow();
        List<double[]> all = new ArrayList<>(placed.values());
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < all.size(); i += 7) {
            for (int j = i + 1; j < all.size(); j += 11) {
                sum += distance(all.get(i), all.get(j));
                pairs++;
            }
        }
        assertTrue(related < sum / pairs / 4, "related concepts " + related + " apart on average, any two " + sum / pairs);

        Map<String, double[]> again = layout.place(graph, Map.of(pinnedKey, pinnedAt));
        placed.forEach((key, p) -> assertArrayEquals(p, again.get(key), key));
    }
}
