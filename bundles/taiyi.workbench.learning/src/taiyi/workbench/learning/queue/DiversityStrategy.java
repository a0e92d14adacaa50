package taiyi.workbench.learning.queue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import taiyi.workbench.core.model.Document;

/**
 * Another strategy's order, with near-duplicates of what is already curated (or already queued
 * ahead) held back: INCEpTION's users saw uncertainty sampling offer the same entity in the same
 * context again and again. Each next place goes to the candidate with the highest
 * {@code base score × (1 - similarity)}, similarity being the largest MinHash estimate of Jaccard
 * similarity to a curated document or to one ranked before it; a candidate at or above the
 * near-duplicate threshold is only ranked once every other one is.
 */
public final class DiversityStrategy implements QueueStrategy {

    public static final String ID = "diversity";
    /** Shingle overlap from which two abstracts count as the same text. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private final QueueStrategy base;
    private final double threshold;

    public DiversityStrategy(QueueStrategy base, double threshold) {
        this.base = base;
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the near-duplicate threshold must lie in (0, 1], not " + threshold);
        }
        this.threshold = threshold;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<RankedDocument> rank(QueuePool pool) {
        Map<String, String> texts = new HashMap<>();
        pool.candidates().forEach(c -> texts.put(c.documentId(), c.text()));
        List<RankedDocument> remaining = new ArrayList<>(base.rank(pool));
        // the base's scores may be all equal or negative: shift them to be positive so that similarity still tells
        double lowest = remaining.stream().mapToDouble(RankedDocument::score).min().orElse(0);
        List<MinHashSignature> signatures = new ArrayList<>();
        Map<String, MinHashSignature> own = new HashMap<>();
        for (RankedDocument r : remaining) {
            own.put(r.documentId(), MinHashSignature.of(texts.get(r.documentId())));
        }
        double[] nearest = new double[remaining.size()];
        String[] nearestId = new String[remaining.size()];
        for (Document d : pool.curated()) {
            MinHashSignature s = MinHashSignature.of(d.text());
            for (int i = 0; i < remaining.size(); i++) {
                update(nearest, nearestId, i, own.get(remaining.get(i).documentId()).similarity(s), d.id());
            }
            signatures.add(s);
        }
        List<RankedDocument> out = new ArrayList<>();
        List<Double> nearestLeft = new ArrayList<>();
        List<String> nearestIdLeft = new ArrayList<>();
        for (int i = 0; i < remaining.size(); i++) {
            nearestLeft.add(nearest[i]);
            nearestIdLeft.add(nearestId[i]);
        }
        while (!remaining.isEmpty()) {
            int pick = -1;
            double best = Double.NEGATIVE_INFINITY;
            boolean pickIsDuplicate = true;
            for (int i = 0; i < remaining.size(); i++) {
                boolean duplicate = nearestLeft.get(i) >= threshold;
                double value = (remaining.get(i).score() - lowest + 1e-9) * (1 - nearestLeft.get(i));
                if (pick < 0 || pickIsDuplicate && !duplicate || pickIsDuplicate == duplicate && value > best) {
                    pick = i;
                    best = value;
                    pickIsDuplicate = duplicate;
                }
            }
            RankedDocument chosen = remaining.remove(pick);
            double similarity = nearestLeft.remove(pick);
            String similarTo = nearestIdLeft.remove(pick);
            String reason = base.id() + ": " + chosen.reason();
            if (similarTo != null) {
                reason += (similarity >= threshold ? "; near-duplicate of " : "; nearest ") + similarTo + " at "
                        + Figures.format(similarity);
            }
            out.add(new RankedDocument(out.size() + 1, chosen.documentId(), ID, reason,
                    chosen.score() * (1 - similarity), chosen.suggestions()));
            MinHashSignature picked = own.get(chosen.documentId());
            for (int i = 0; i < remaining.size(); i++) {
                double s = own.get(remaining.get(i).documentId()).similarity(picked);
                if (s > nearestLeft.get(i)) {
                    nearestLeft.set(i, s);
                    nearestIdLeft.set(i, chosen.documentId());
                }
            }
        }
        return out;
    }

    private static void update(double[] nearest, String[] nearestId, int i, double similarity, String id) {
        if (similarity > nearest[i] || nearestId[i] == null && similarity > 0) {
            nearest[i] = similarity;
            nearestId[i] = id;
        }
    }
}
