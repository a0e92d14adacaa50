package taiyi.workbench.learning.queue;

import java.util.Arrays;
import java.util.Locale;

/**
 * A MinHash signature of a text's shingles, whose agreement estimates the Jaccard similarity of two
 * texts: word 3-grams for English, character 5-grams for Chinese (which has no spaces), 128 hashes.
 * Lucene's {@code MinHashFilter} makes the same figure as index terms for search; the queue only
 * compares a few hundred documents in memory, so it keeps the signatures as arrays.
 */
final class MinHashSignature {

    static final int HASHES = 128;

    private final long[] minima;
    private final boolean empty;

    private MinHashSignature(long[] minima, boolean empty) {
        this.minima = minima;
        this.empty = empty;
    }

    static MinHashSignature of(String text) {
        long[] minima = new long[HASHES];
        Arrays.fill(minima, Long.MAX_VALUE);
        String folded = text.toLowerCase(Locale.ROOT);
        boolean[] any = {false};
        java.util.function.Consumer<String> add = shingle -> {
            any[0] = true;
            long h = mix(shingle.hashCode() * 0x9E3779B97F4A7C15L + shingle.length());
            for (int i = 0; i < HASHES; i++) {
                // h_i(x) = mix(h ^ seed_i): independent enough for an estimate, and the same on every run
                long v = mix(h ^ (0xC2B2AE3D27D4EB4FL * (i + 1)));
                if (v < minima[i]) {
                    minima[i] = v;
                }
            }
        };
        if (cjkShare(folded) > 0.3) {
            String chars = folded.replaceAll("\\s+", "");
            int n = 5;
            if (chars.length() <= n) {
                if (!chars.isEmpty()) {
                    add.accept(chars);
                }
            } else {
                for (int i = 0; i + n <= chars.length(); i++) {
                    add.accept(chars.substring(i, i + n));
                }
            }
        } else {
            String[] words = folded.split("[^\\p{L}\\p{N}]+");
            java.util.List<String> w = Arrays.stream(words).filter(s -> !s.isEmpty()).toList();
            if (w.size() < 3) {
                if (!w.isEmpty()) {
                    add.accept(String.join(" ", w));
                }
            } else {
                for (int i = 0; i + 3 <= w.size(); i++) {
                    add.accept(w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2));
                }
            }
        }
        return new MinHashSignature(minima, !any[0]);
    }

    /** The estimated Jaccard similarity of the two texts' shingle sets, in [0, 1]; 0 when either has none. */
    double similarity(MinHashSignature other) {
        if (empty || other.empty) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (minima[i] == other.minima[i]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    private static double cjkShare(String text) {
        int cjk = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isIdeographic(cp)) {
                cjk++;
            }
            if (Character.isLetter(cp)) {
                letters++;
            }
        }
        return letters == 0 ? 0 : (double) cjk / letters;
    }

    /** The finaliser of SplitMix64: spreads a 64-bit value's bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
