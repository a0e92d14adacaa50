package taiyi.workbench.learning.export;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the documents of a held-out set that a text nearly duplicates: character 5-gram shingles of
 * the folded text (NFKC, lower case, runs of white space as one space: the same for Chinese and
 * English), 128 MinHash values per document, and LSH in 32 bands of 4 rows to find candidates
 * (a pair at Jaccard 0.8 shares a band with probability 1 − (1 − 0.8⁴)³² ≈ 1 − 10⁻⁹). A candidate
 * counts only when the exact Jaccard similarity of the two shingle sets reaches the threshold, so
 * the estimate never decides alone.
 */
final class NearDuplicates {

    static final double THRESHOLD = 0.8;
    private static final int SHINGLE = 5;
    private static final int HASHES = 128;
    private static final int ROWS = 4;
    private static final long[] SEEDS = new long[HASHES];

    static {
        long s = 0x5deece66dL;
        for (int i = 0; i < HASHES; i++) {
            s = DocumentConversations.mix(s + 0x9e3779b97f4a7c15L);
            SEEDS[i] = s;
        }
    }

    /** A held-out document. */
    record HeldOut(String corpus, String documentId) {
    }

    /** A match: the held-out document and how similar it is. */
    record Match(HeldOut heldOut, double jaccard) {
    }

    private final List<HeldOut> heldOut = new ArrayList<>();
    private final List<Set<Long>> shingles = new ArrayList<>();
    private final Map<Long, List<Integer>> buckets = new HashMap<>();

    void add(String corpus, String documentId, String text) {
        Set<Long> s = shingles(text);
        int index = heldOut.size();
        heldOut.add(new HeldOut(corpus, documentId));
        shingles.add(s);
        for (long bucket : bands(s)) {
            buckets.computeIfAbsent(bucket, k -> new ArrayList<>()).add(index);
        }
    }

    boolean isEmpty() {
        return heldOut.isEmpty();
    }

    /** The most similar held-out document at or above the threshold, if any. */
    Optional<Match> nearest(String text) {
        if (heldOut.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> s = shingles(text);
        Set<Integer> candidates = new HashSet<>();
        for (long bucket : bands(s)) {
            candidates.addAll(buckets.getOrDefault(bucket, List.of()));
        }
        Match best = null;
        for (int c : candidates.stream().sorted().toList()) {
            double j = jaccard(s, shingles.get(c));
            if (j >= THRESHOLD && (best == null || j > best.jaccard())) {
                best = new Match(heldOut.get(c), j);
            }
        }
        return Optional.ofNullable(best);
    }

    static double jaccard(Set<Long> a, Set<Long> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<Long> small = a.size() <= b.size() ? a : b;
        Set<Long> large = small == a ? b : a;
        int common = 0;
        for (long x : small) {
            if (large.contains(x)) {
                common++;
            }
        }
        return common / (double) (a.size() + b.size() - common);
    }

    static Set<Long> shingles(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .strip();
        Set<Long> out = new HashSet<>();
        if (folded.length() <= SHINGLE) {
            out.add(hash(folded, 0, folded.length()));
            return out;
        }
        for (int i = 0; i + SHINGLE <= folded.length(); i++) {
            out.add(hash(folded, i, i + SHINGLE));
        }
        return out;
    }

    private static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return DocumentConversations.mix(h);
    }

    /** One bucket key per band of the MinHash signature. */
    private static long[] bands(Set<Long> shingles) {
        long[] minimum = new long[HASHES];
        java.util.Arrays.fill(minimum, Long.MAX_VALUE);
        for (long x : shingles) {
            for (int i = 0; i < HASHES; i++) {
                long v = DocumentConversations.mix(x ^ SEEDS[i]);
                if (v < minimum[i]) {
                    minimum[i] = v;
                }
            }
        }
        long[] out = new long[HASHES / ROWS];
        for (int b = 0; b < out.length; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = DocumentConversations.mix(h * 31 + minimum[b * ROWS + r]);
            }
            out[b] = h;
        }
        return out;
    }
}
