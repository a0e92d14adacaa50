package taiyi.workbench.learning.learner.dictionary;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One folded string of the dictionary: how often it was curated as each type, with which concepts,
 * and how often it occurred at all in the curated documents (curated or left unannotated).
 */
public final class DictionaryEntry implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String folded;
    private final Map<String, Integer> curatedByType = new LinkedHashMap<>();
    private final Map<String, Set<String>> conceptsByType = new LinkedHashMap<>();
    private int seen;

    DictionaryEntry(String folded) {
        this.folded = folded;
    }

    void curated(String type, List<String> concepts) {
        curatedByType.merge(type, 1, Integer::sum);
        conceptsByType.computeIfAbsent(type, t -> new LinkedHashSet<>()).addAll(concepts);
    }

    void countOccurrence() {
        seen++;
    }

    /** The string as folded for matching. */
    public String folded() {
        return folded;
    }

    /** How often the string was curated as this type. */
    public int curated(String type) {
        return curatedByType.getOrDefault(type, 0);
    }

    /** How often the string occurred in the curated documents, annotated or not. */
    public int seen() {
        return seen;
    }

    /**
     * The share of its occurrences the string was curated as this type, in [0, 1]: 1 for a string
     * always annotated so, less for one curators often left unannotated or gave another type.
     */
    public double score(String type) {
        int total = curatedByType.values().stream().mapToInt(Integer::intValue).sum();
        // a mention curated inside a running word is no boundary-to-boundary occurrence, so seen can
        // fall short of the curated count
        return (double) curated(type) / Math.max(1, Math.max(seen, total));
    }

    /** The types the string was curated as, most frequent first. */
    public List<String> typesByScore() {
        return curatedByType.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /** The concepts (as {@code db:id}) the string was normalised to when curated as this type. */
    public List<String> concepts(String type) {
        return List.copyOf(conceptsByType.getOrDefault(type, Set.of()));
    }
}
