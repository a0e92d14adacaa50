package taiyi.workbench.learning.learner.tagger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import taiyi.workbench.learning.learner.dictionary.DictionaryEntry;
import taiyi.workbench.learning.learner.dictionary.DictionaryMatch;
import taiyi.workbench.learning.learner.dictionary.MentionDictionary;
import taiyi.workbench.learning.learner.text.TextUnits;

/**
 * The observations the CRF sees at each unit: the word lower-cased, its shape, prefixes and suffixes
 * of 2 to 5 chars, char trigrams, flags (capitals, digits, Greek, punctuation), the words two either
 * side and the bigrams with its neighbours, the neighbours' shapes alone and with its own, and whether
 * a dictionary of curated mentions matches there (begin or inside, by type, and how reliable the
 * string is). Five-char affixes and the shape trigram took NCBI-disease from 0.788 to 0.810.
 */
final class UnitFeatures {

    private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
            "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi",
            "psi", "omega");

    /** The dictionary features of a unit no dictionary entry covers. */
    private static final String[] NO_TAG = {"D=-", "D-1=-", "D+1=-"};

    /**
     * The dictionary features of each tag, made once: a training builds them for every matched unit of
     * every document, and the same strings (their hashes computed once) make the feature index's
     * lookups cheap. Tags are few (types x begin/inside x three reliabilities).
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, String[]> TAG_FEATURES = new java.util.concurrent.ConcurrentHashMap<>();

    private UnitFeatures() {
    }

    /** The features of every unit of a prepared text; {@code dictionary} may be null (no dictionary feature). */
    static List<String[]> of(PreparedText text, MentionDictionary dictionary) {
        String[][] tags = dictionaryTags(text, dictionary);
        if (tags == null) {
            return text.features();
        }
        int n = tags.length;
        List<String[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] own = text.features().get(i);
            String[] f = java.util.Arrays.copyOf(own, own.length + 3);
            f[own.length] = (tags[i] != null ? tags[i] : NO_TAG)[0];
            f[own.length + 1] = i == 0 ? "D-1=<s>" : (tags[i - 1] != null ? tags[i - 1] : NO_TAG)[1];
            f[own.length + 2] = i == n - 1 ? "D+1=</s>" : (tags[i + 1] != null ? tags[i + 1] : NO_TAG)[2];
            out.add(f);
        }
        return out;
    }

    /** Every unit's features that depend on the text alone (all but the dictionary's). */
    static List<String[]> ofText(String text, TextUnits units) {
        int n = units.size();
        String[] words = new String[n];
        String[] lower = new String[n];
        String[] shapes = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = units.text(i);
            lower[i] = words[i].toLowerCase(Locale.ROOT);
            shapes[i] = shape(words[i]);
        }
        List<String[]> out = new ArrayList<>(n);
        List<String> f = new ArrayList<>(48);
        for (int i = 0; i < n; i++) {
            f.clear();
            String w = words[i];
            String lw = lower[i];
            f.add("W=" + lw);
            f.add("SH=" + shapes[i]);
            boolean han = Character.isIdeographic(w.codePointAt(0));
            if (!han && lw.length() > 2) {
                for (int k = 2; k <= 5 && k < lw.length(); k++) {
                    f.add("P" + k + "=" + lw.substring(0, k));
                    f.add("S" + k + "=" + lw.substring(lw.length() - k));
                }
            }
            if (!han && lw.length() > 3) {
                String padded = "<" + lw + ">";
                for (int k = 0; k + 3 <= padded.length(); k++) {
                    f.add("G=" + padded.substring(k, k + 3));
                }
            }
            flags(w, lw, f);
            for (int d = -2; d <= 2; d++) {
                if (d != 0) {
                    f.add("W" + d + "=" + at(lower, i + d));
                }
            }
            f.add("SH-1=" + at(shapes, i - 1));
            f.add("SH+1=" + at(shapes, i + 1));
            f.add("SH-1+1=" + at(shapes, i - 1) + "|" + shapes[i] + "|" + at(shapes, i + 1));
            f.add("B-1=" + at(lower, i - 1) + "|" + lw);
            f.add("B+1=" + lw + "|" + at(lower, i + 1));
            if (han) {
                f.add("T=" + at(lower, i - 1) + lw + at(lower, i + 1));
            }
            out.add(f.toArray(String[]::new));
        }
        return out;
    }

    private static String at(String[] a, int i) {
        if (i < 0) {
            return "<s>";
        }
        if (i >= a.length) {
            return "</s>";
        }
        return a[i] == null ? "-" : a[i];
    }

    /**
     * Per unit, the dictionary's begin/inside tag, type and reliability as the unit's own feature and as
     * its neighbours' ({@code D=}, {@code D+1=} and {@code D-1=} of the tag), or null where nothing matches.
     */
    private static String[][] dictionaryTags(PreparedText text, MentionDictionary dictionary) {
        if (dictionary == null) {
            return null;
        }
        TextUnits units = text.units();
        String[][] tags = new String[units.size()][];
        for (DictionaryMatch m : dictionary.longestMatches(text.text(), text.folded(), e -> !e.typesByScore().isEmpty())) {
            DictionaryEntry e = m.entry();
            String type = e.typesByScore().get(0);
            double score = e.score(type);
            String reliability = score >= 0.8 ? "hi" : score >= 0.4 ? "mid" : "lo";
            boolean first = true;
            for (int u = units.unitAtOrAfter(m.span().start()); u < units.size() && units.start(u) < m.span().end(); u++) {
                tags[u] = TAG_FEATURES.computeIfAbsent((first ? "B-" : "I-") + type + "/" + reliability,
                        tag -> new String[] {"D=" + tag, "D-1=" + tag, "D+1=" + tag});
                first = false;
            }
        }
        return tags;
    }

    private static void flags(String w, String lw, List<String> f) {
        boolean upper = false;
        boolean lowerCase = false;
        boolean digit = false;
        boolean other = false;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lowerCase = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        if (Character.isUpperCase(w.charAt(0))) {
            f.add("INITCAP");
        }
        if (upper && !lowerCase) {
            f.add("ALLCAP");
        }
        if (upper && lowerCase && !Character.isUpperCase(w.charAt(0))) {
            f.add("MIXEDCAP");
        }
        if (digit) {
            f.add(upper || lowerCase ? "HASDIGIT" : "ALLDIGIT");
        }
        if (GREEK.contains(lw) || Character.UnicodeScript.of(w.codePointAt(0)) == Character.UnicodeScript.GREEK) {
            f.add("GREEK");
        }
        if (other && !upper && !lowerCase && !digit) {
            f.add("PUNCT=" + w);
        }
        f.add("LEN=" + Math.min(w.length(), 12) / 3);
    }

    /** Xx-style shape with runs collapsed: {@code Cisplatin} -> {@code Xx}, {@code IL-2} -> {@code X-0}. */
    static String shape(String w) {
        StringBuilder s = new StringBuilder();
        char last = 0;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            char m = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? '0'
                    : Character.isIdeographic(c) ? 'H' : c;
            if (m != last) {
                s.append(m);
                last = m;
            }
        }
        return s.toString();
    }
}
