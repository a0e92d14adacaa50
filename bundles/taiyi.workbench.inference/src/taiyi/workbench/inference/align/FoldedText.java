package taiyi.workbench.inference.align;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import taiyi.workbench.core.model.Span;

/**
 * A text folded for lenient matching (NFKC and lower case, optionally without white space), with
 * the way back: every folded char remembers the original code point it came from. Folding one code
 * point at a time keeps that map exact even where folding changes lengths ({@code ﬁ} becomes
 * {@code fi}, {@code İ} two chars); a match is mapped back only if it begins at the first and ends
 * at the last folded char of original code points, so the span it maps to always starts and ends
 * between whole code points of the original.
 */
public final class FoldedText {

    private final String folded;
    private final int[] originalStart;
    private final int[] originalEnd;
    private final boolean[] firstOfUnit;
    private final boolean[] lastOfUnit;

    private FoldedText(String folded, int[] originalStart, int[] originalEnd, boolean[] firstOfUnit, boolean[] lastOfUnit) {
        this.folded = folded;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
        this.firstOfUnit = firstOfUnit;
        this.lastOfUnit = lastOfUnit;
    }

    /** Folds a text. */
    public static FoldedText of(String original, boolean ignoreSpace) {
        StringBuilder out = new StringBuilder(original.length());
        int[] starts = new int[original.length() * 2 + 4];
        int[] ends = new int[starts.length];
        boolean[] first = new boolean[starts.length];
        boolean[] last = new boolean[starts.length];
        int i = 0;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String f = foldCodePoint(cp, ignoreSpace);
            if (out.length() + f.length() > starts.length) {
                int size = Math.max(starts.length * 2, out.length() + f.length());
                starts = java.util.Arrays.copyOf(starts, size);
                ends = java.util.Arrays.copyOf(ends, size);
                first = java.util.Arrays.copyOf(first, size);
                last = java.util.Arrays.copyOf(last, size);
            }
            for (int k = 0; k < f.length(); k++) {
                int at = out.length() + k;
                starts[at] = i;
                ends[at] = next;
                first[at] = k == 0;
                last[at] = k == f.length() - 1;
            }
            out.append(f);
            i = next;
        }
        return new FoldedText(out.toString(), starts, ends, first, last);
    }

    /** A string folded the same way, for looking it up in a folded text. */
    public static String fold(String s, boolean ignoreSpace) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.append(foldCodePoint(cp, ignoreSpace)));
        return out.toString();
    }

    private static String foldCodePoint(int cp, boolean ignoreSpace) {
        if (ignoreSpace && Character.isWhitespace(cp) || ignoreSpace && Character.isSpaceChar(cp)) {
            return "";
        }
        if (cp < 0x80) {
            return String.valueOf((char) Character.toLowerCase(cp));
        }
        String f = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (ignoreSpace) {
            f = f.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        }
        return f;
    }

    public String folded() {
        return folded;
    }

    /** Whether the folded char at this index is the first one its original code point folded to. */
    public boolean startsOriginalCodePoint(int foldedIndex) {
        return firstOfUnit[foldedIndex];
    }

    /**
     * The span of the original text that the folded chars {@code [foldedStart, foldedEnd)} came from, or
     * null when they begin or end inside what one original code point folded to (a dictionary walking
     * the folded text char by char asks this at every candidate end).
     */
    public Span originalSpan(int foldedStart, int foldedEnd) {
        if (foldedStart < 0 || foldedEnd > folded.length() || foldedEnd <= foldedStart
                || !firstOfUnit[foldedStart] || !lastOfUnit[foldedEnd - 1]) {
            return null;
        }
        return new Span(originalStart[foldedStart], originalEnd[foldedEnd - 1]);
    }

    /**
     * Every non-overlapping occurrence of an already folded needle, leftmost first, as spans of
     * the original text.
     */
    public List<Span> find(String foldedNeedle) {
        List<Span> out = new ArrayList<>();
        if (foldedNeedle.isEmpty()) {
            return out;
        }
        int from = 0;
        while (true) {
            int at = folded.indexOf(foldedNeedle, from);
            if (at < 0) {
                return out;
            }
            int lastChar = at + foldedNeedle.length() - 1;
            if (firstOfUnit[at] && lastOfUnit[lastChar]) {
                out.add(new Span(originalStart[at], originalEnd[lastChar]));
                from = lastChar + 1;
            } else {
                from = at + 1;
            }
        }
    }
}
