package taiyi.workbench.inference.align;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import taiyi.workbench.core.model.Span;

/**
 * Places mention strings in a text. Each string is taken at every occurrence (a model names a
 * mention once however often the text repeats it), looked up exactly first and, only if that
 * finds nothing, folded ({@link MatchKind}). Within one type the occurrences must not overlap:
 * leftmost wins, then longest, so {@code 糖尿病足} keeps its chars from a {@code 糖尿病} of the same
 * type; but if that leaves a string the model named with no place at all, its occurrences are
 * kept anyway, since the model did say it (a nested mention). Mentions of different types may
 * overlap freely.
 */
public final class MentionAligner {

    private final String text;
    private FoldedText folded;
    private FoldedText foldedNoSpace;

    public MentionAligner(String text) {
        this.text = java.util.Objects.requireNonNull(text, "text");
    }

    public String text() {
        return text;
    }

    /** Whether the string occurs in the text at all, by any of the match kinds. */
    public boolean occurs(String mention) {
        return !occurrences(mention).isEmpty();
    }

    /** The non-overlapping occurrences of one string by the most literal kind that finds any. */
    public List<Span> occurrences(String mention) {
        return locate(mention).spans;
    }

    /** Places every query (duplicates count once). */
    public Alignment align(List<MentionQuery> queries) {
        Map<MentionQuery, Located> located = new LinkedHashMap<>();
        List<MentionQuery> missing = new ArrayList<>();
        for (MentionQuery q : new LinkedHashSet<>(queries)) {
            Located l = locate(q.text());
            if (l.spans.isEmpty()) {
                missing.add(q);
            } else {
                located.put(q, l);
            }
        }
        Map<String, List<AlignedMention>> byType = new LinkedHashMap<>();
        located.forEach((q, l) -> l.spans.forEach(s -> byType.computeIfAbsent(q.type(), t -> new ArrayList<>())
                .add(new AlignedMention(q, s, l.kind))));
        List<AlignedMention> found = new ArrayList<>();
        for (List<AlignedMention> candidates : byType.values()) {
            found.addAll(leftmostLongest(candidates));
        }
        found.sort(Comparator.comparingInt((AlignedMention a) -> a.span().start()).thenComparingInt(a -> a.span().end())
                .thenComparing(a -> a.query().type()).thenComparing(a -> a.query().text()));
        return new Alignment(found, missing);
    }

    private static List<AlignedMention> leftmostLongest(List<AlignedMention> candidates) {
        List<AlignedMention> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt((AlignedMention a) -> a.span().start())
                .thenComparing(Comparator.comparingInt((AlignedMention a) -> a.span().length()).reversed()));
        List<AlignedMention> kept = new ArrayList<>();
        Map<MentionQuery, Integer> keptPerQuery = new HashMap<>();
        int reach = -1;
        for (AlignedMention a : sorted) {
            if (a.span().start() >= reach) {
                kept.add(a);
                keptPerQuery.merge(a.query(), 1, Integer::sum);
                reach = a.span().end();
            }
        }
        for (AlignedMention a : sorted) {
            if (!keptPerQuery.containsKey(a.query())) {
                kept.add(a);
            }
        }
        return kept;
    }

    private Located locate(String mention) {
        String m = mention.strip();
        if (m.isEmpty()) {
            return new Located(List.of(), MatchKind.EXACT);
        }
        List<Span> exact = new ArrayList<>();
        for (int at = text.indexOf(m); at >= 0; ) {
            if (splitsPair(at) || splitsPair(at + m.length())) {
                // a needle with a lone surrogate matched half a pair: not a place in the text
                at = text.indexOf(m, at + 1);
            } else {
                exact.add(new Span(at, at + m.length()));
                at = text.indexOf(m, at + m.length());
            }
        }
        if (!exact.isEmpty()) {
            return new Located(exact, MatchKind.EXACT);
        }
        if (folded == null) {
            folded = FoldedText.of(text, false);
        }
        List<Span> f = folded.find(FoldedText.fold(m, false));
        if (!f.isEmpty()) {
            return new Located(f, MatchKind.FOLDED);
        }
        if (foldedNoSpace == null) {
            foldedNoSpace = FoldedText.of(text, true);
        }
        return new Located(foldedNoSpace.find(FoldedText.fold(m, true)), MatchKind.FOLDED_IGNORING_SPACE);
    }

    private boolean splitsPair(int offset) {
        return offset > 0 && offset < text.length() && Character.isHighSurrogate(text.charAt(offset - 1))
                && Character.isLowSurrogate(text.charAt(offset));
    }

    private record Located(List<Span> spans, MatchKind kind) {
    }
}
