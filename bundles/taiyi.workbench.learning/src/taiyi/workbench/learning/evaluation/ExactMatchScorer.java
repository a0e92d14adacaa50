package taiyi.workbench.learning.evaluation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import taiyi.workbench.core.curation.AnnotationSet;
import taiyi.workbench.core.model.EntityMention;

/**
 * Scores predicted annotations against gold ones, document by document, by exact match: a mention
 * counts when a gold mention has the same spans and type, a relation when a gold relation has the
 * same head, tail and type ({@link RelationKey}). Each side is a set: a mention annotated twice
 * counts once. Not thread-safe; one scorer per evaluation.
 */
public final class ExactMatchScorer {

    private final Map<String, int[]> mentions = new TreeMap<>();
    private final Map<String, int[]> relations = new TreeMap<>();
    private int documents;

    /** Adds one document's gold and predicted layers. */
    public ExactMatchScorer add(AnnotationSet gold, AnnotationSet predicted) {
        count(keys(gold.mentions(), MentionKey::of), keys(predicted.mentions(), MentionKey::of), MentionKey::type, mentions);
        count(relationKeys(gold), relationKeys(predicted), RelationKey::type, relations);
        documents++;
        return this;
    }

    /** Exact span-and-type scores of the mentions, by entity type. */
    public ScoreTable mentions() {
        return table(mentions);
    }

    /** Exact (head, tail, type) scores of the relations, by relation type. */
    public ScoreTable relations() {
        return table(relations);
    }

    /** How many documents were added. */
    public int documents() {
        return documents;
    }

    private static <K> Set<K> keys(Iterable<EntityMention> mentions, Function<EntityMention, K> key) {
        Set<K> out = new HashSet<>();
        mentions.forEach(m -> out.add(key.apply(m)));
        return out;
    }

    private static Set<RelationKey> relationKeys(AnnotationSet layer) {
        Map<String, EntityMention> byId = new HashMap<>();
        layer.mentions().forEach(m -> byId.put(m.id(), m));
        Set<RelationKey> out = new HashSet<>();
        layer.relations().forEach(r -> out.add(RelationKey.of(r, byId)));
        return out;
    }

    // counts[0] true positives, [1] false positives, [2] false negatives
    private static <K> void count(Set<K> gold, Set<K> predicted, Function<K, String> type, Map<String, int[]> byType) {
        for (K p : predicted) {
            byType.computeIfAbsent(type.apply(p), t -> new int[3])[gold.contains(p) ? 0 : 1]++;
        }
        for (K g : gold) {
            if (!predicted.contains(g)) {
                byType.computeIfAbsent(type.apply(g), t -> new int[3])[2]++;
            }
        }
    }

    private static ScoreTable table(Map<String, int[]> counts) {
        Map<String, Tally> out = new LinkedHashMap<>();
        counts.forEach((type, c) -> out.put(type, new Tally(c[0], c[1], c[2])));
        return new ScoreTable(out);
    }
}
