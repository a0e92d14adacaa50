package taiyi.workbench.learning.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import taiyi.workbench.core.curation.AnnotationSet;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.learning.learner.text.TextUnits;

/**
 * Compares two separately curated copies of the same documents: per-type F1, and Cohen's kappa over
 * token labels, where a token's label is the type of the first mention (in text order) that covers
 * any of it, or {@code O}.
 */
public final class CuratorAgreement {

    static final String OUTSIDE = "O";

    private CuratorAgreement() {
    }

    /**
     * @throws IllegalArgumentException when a document of one copy is missing from the other or its text differs
     */
    public static Agreement compare(List<CuratedDocument> first, List<CuratedDocument> second) {
        Map<String, Document> others = new HashMap<>();
        second.forEach(d -> others.put(d.document().id(), d.document()));
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("the copies hold " + first.size() + " and " + second.size() + " documents");
        }
        ExactMatchScorer scorer = new ExactMatchScorer();
        Map<String, Integer> firstLabels = new HashMap<>();
        Map<String, Integer> secondLabels = new HashMap<>();
        int tokens = 0;
        int agreed = 0;
        for (CuratedDocument c : first) {
            Document a = c.document();
            Document b = others.get(a.id());
            if (b == null) {
                throw new IllegalArgumentException("document " + a.id() + " of corpus '" + c.corpus() + "' is missing from the other copy");
            }
            if (!a.text().equals(b.text())) {
                throw new IllegalArgumentException("document " + a.id() + " has different texts in the two copies");
            }
            scorer.add(new AnnotationSet(a.mentions(), a.relations()), new AnnotationSet(b.mentions(), b.relations()));
            TextUnits units = TextUnits.of(a.text());
            for (int u = 0; u < units.size(); u++) {
                Span token = new Span(units.start(u), units.end(u));
                String la = label(a.mentions(), token);
                String lb = label(b.mentions(), token);
                firstLabels.merge(la, 1, Integer::sum);
                secondLabels.merge(lb, 1, Integer::sum);
                tokens++;
                if (la.equals(lb)) {
                    agreed++;
                }
            }
        }
        double observed = tokens == 0 ? 1 : (double) agreed / tokens;
        double chance = 0;
        for (Map.Entry<String, Integer> e : firstLabels.entrySet()) {
            chance += (double) e.getValue() / tokens * secondLabels.getOrDefault(e.getKey(), 0) / tokens;
        }
        // chance 1: both curators gave every token one and the same label, which is agreement, not chance
        double kappa = chance >= 1 ? 1 : (observed - chance) / (1 - chance);
        return new Agreement(first.size(), scorer.mentions(), scorer.relations(), tokens, observed, kappa);
    }

    private static String label(List<EntityMention> mentions, Span token) {
        EntityMention best = null;
        for (EntityMention m : mentions) {
            for (Span s : m.spans()) {
                if (s.overlaps(token) && (best == null || m.start() < best.start())) {
                    best = m;
                }
            }
        }
        return best == null ? OUTSIDE : best.type();
    }
}
