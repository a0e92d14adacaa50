package taiyi.workbench.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.eclipse.swt.custom.StyleRange;

import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Span;

/**
 * Turns possibly overlapping mentions into the non-overlapping style ranges {@code StyledText}
 * needs: the text is cut at every span boundary and each piece takes the background of the shortest
 * mention covering it, so a nested mention shows inside its parent. (Which mentions overlap is drawn
 * by {@link AnnotationDecorations} as stacked underlines.) One sweep over the boundaries, so 5,000
 * mentions style in milliseconds; a decision restyles only the region it changed.
 */
final class MentionStyles {

    private MentionStyles() {
    }

    /**
     * Styles in the form {@code StyledText.setStyleRanges(int[], StyleRange[])} takes: (start, length)
     * pairs and one shared style per type, which the widget stores without copying per range.
     */
    record Styles(int[] ranges, StyleRange[] styles) {
        int count() {
            return styles.length;
        }
    }

    static Styles compute(List<EntityMention> mentions, EntityTypePalette palette) {
        return compute(mentions, 0, Integer.MAX_VALUE, palette);
    }

    /** The styles of chars {@code [from, to)} given every mention overlapping them. */
    static Styles compute(List<EntityMention> mentions, int from, int to, EntityTypePalette palette) {
        // boundary -> spans starting (positive index+1) and ending (negative) there
        TreeMap<Integer, List<Integer>> boundaries = new TreeMap<>();
        List<Span> spans = new ArrayList<>();
        List<EntityMention> owners = new ArrayList<>();
        for (EntityMention m : mentions) {
            for (Span s : m.spans()) {
                int start = Math.max(from, s.start());
                int end = Math.min(to, s.end());
                if (start >= end) {
                    continue;
                }
                int k = spans.size();
                spans.add(new Span(start, end));
                owners.add(m);
                boundaries.computeIfAbsent(start, x -> new ArrayList<>()).add(k + 1);
                boundaries.computeIfAbsent(end, x -> new ArrayList<>()).add(-(k + 1));
            }
        }
        java.util.Map<String, StyleRange> byType = new java.util.HashMap<>();
        int[] ranges = new int[16];
        List<StyleRange> styles = new ArrayList<>();
        List<Integer> active = new ArrayList<>();
        Integer previous = null;
        for (var entry : boundaries.entrySet()) {
            int cut = entry.getKey();
            if (previous != null && !active.isEmpty()) {
                EntityMention shortest = null;
                int shortestLength = Integer.MAX_VALUE;
                for (int k : active) {
                    int length = spans.get(k).length();
                    if (length < shortestLength) {
                        shortestLength = length;
                        shortest = owners.get(k);
                    }
                }
                String type = shortest.type();
                StyleRange style = byType.computeIfAbsent(type, t -> new StyleRange(0, 0, null, palette.colorOf(t)));
                if (2 * styles.size() + 2 > ranges.length) {
                    ranges = java.util.Arrays.copyOf(ranges, ranges.length * 2);
                }
                ranges[2 * styles.size()] = previous;
                ranges[2 * styles.size() + 1] = cut - previous;
                styles.add(style);
            }
            for (int code : entry.getValue()) {
                if (code > 0) {
                    active.add(code - 1);
                } else {
                    active.remove(Integer.valueOf(-code - 1));
                }
            }
            previous = cut;
        }
        return new Styles(java.util.Arrays.copyOf(ranges, 2 * styles.size()), styles.toArray(StyleRange[]::new));
    }
}
