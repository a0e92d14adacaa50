package taiyi.workbench.curation.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the concept pairs a corpus relates in some documents and not in others where both concepts
 * occur: a curated relation (type, head concept, tail concept) in one abstract, and an abstract
 * whose curated mentions name both concepts without that relation. Only the curated layer counts:
 * an open suggestion is not yet a curator's word. Relations are directed, as the types are.
 */
public final class ConsistencyFinder {

    private ConsistencyFinder() {
    }

    /**
     * The inconsistent pairs, those left out most often first (then those related most often, then by
     * type, head and tail).
     */
    public static List<InconsistentRelation> find(List<DocumentRelations> documents) {
        // per concept, the documents (by their corpus position) whose curated mentions name it
        Map<String, List<Integer>> namedIn = new HashMap<>();
        Map<String, Map<String, Integer>> labels = new HashMap<>();
        Map<List<String>, Set<Integer>> relatedIn = new LinkedHashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            DocumentRelations d = documents.get(i);
            for (ConceptOccurrence c : d.concepts().values()) {
                if (c.isCurated()) {
                    namedIn.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(i);
                    labels.computeIfAbsent(c.key(), k -> new LinkedHashMap<>()).merge(c.label(), 1, Integer::sum);
                }
            }
            for (ConceptRelation r : d.relations()) {
                if (r.status() == EdgeStatus.CURATED) {
                    relatedIn.computeIfAbsent(List.of(r.type(), r.head(), r.tail()), k -> new LinkedHashSet<>()).add(i);
                }
            }
        }
        List<InconsistentRelation> out = new ArrayList<>();
        for (Map.Entry<List<String>, Set<Integer>> pair : relatedIn.entrySet()) {
            String head = pair.getKey().get(1);
            String tail = pair.getKey().get(2);
            List<String> unrelated = new ArrayList<>();
            for (int i : bothNamedIn(namedIn.getOrDefault(head, List.of()), namedIn.getOrDefault(tail, List.of()))) {
                if (!pair.getValue().contains(i)) {
                    unrelated.add(documents.get(i).documentId());
                }
            }
            if (!unrelated.isEmpty()) {
                List<String> related = pair.getValue().stream().sorted().map(i -> documents.get(i).documentId()).toList();
                out.add(new InconsistentRelation(pair.getKey().get(0), head, tail, label(labels, head), label(labels, tail),
                        related, unrelated));
            }
        }
        out.sort(Comparator.comparingInt((InconsistentRelation r) -> -r.unrelatedIn().size())
                .thenComparingInt(r -> -r.relatedIn().size()).thenComparing(InconsistentRelation::type)
                .thenComparing(InconsistentRelation::head).thenComparing(InconsistentRelation::tail));
        return out;
    }

    /** The positions in both ascending lists. */
    private static List<Integer> bothNamedIn(List<Integer> a, List<Integer> b) {
        List<Integer> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            int c = Integer.compare(a.get(i), b.get(j));
            if (c == 0) {
                out.add(a.get(i));
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }

    private static String label(Map<String, Map<String, Integer>> labels, String key) {
        Map<String, Integer> named = labels.get(key);
        if (named == null) {
            return key;
        }
        String best = key;
        int most = 0;
        for (Map.Entry<String, Integer> e : named.entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }
}
