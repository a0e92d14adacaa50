package taiyi.workbench.learning.evaluation;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tallies by type, and their sum: the micro figures.
 *
 * @param byType the tally of each type that occurs in the gold or the prediction, sorted by name
 */
public record ScoreTable(Map<String, Tally> byType) {

    public ScoreTable {
        byType = Collections.unmodifiableMap(new TreeMap<>(byType));
    }

    public static ScoreTable empty() {
        return new ScoreTable(Map.of());
    }

    /** All types pooled: micro precision, recall and F1. */
    public Tally micro() {
        return byType.values().stream().reduce(Tally.ZERO, Tally::plus);
    }

    public Tally of(String type) {
        return byType.getOrDefault(type, Tally.ZERO);
    }

    /** The two tables added type by type (the scores of two disjoint sets of documents). */
    public ScoreTable plus(ScoreTable other) {
        Map<String, Tally> sum = new TreeMap<>(byType);
        other.byType.forEach((type, tally) -> sum.merge(type, tally, Tally::plus));
        return new ScoreTable(sum);
    }
}
