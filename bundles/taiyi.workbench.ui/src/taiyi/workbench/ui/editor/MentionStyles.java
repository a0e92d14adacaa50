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

    static StyleRange[] compute(List<EntityMention> mentions, EntityTypePalette palette) {
        return compute(mentions, 0, Integer.MAX_VALUE, palette);
    }

    /** The styles of chars {@code [from, to)} given every mention overlapping them. */
    static StyleRange[] compute(List<EntityMention> mentions, int from, int to, EntityTypePalette palette) {
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
        List<StyleRange> ranges = new ArrayList<>();
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
                ranges.add(new StyleRange(previous, cut - previous, null, palette.colorOf(shortest.type())));
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
        return ranges.toArray(StyleRange[]::new);
    }
}
