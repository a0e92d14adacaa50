package taiyi.workbench.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;

import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Span;

/**
 * Turns possibly overlapping mentions into the non-overlapping style ranges {@code StyledText}
 * needs: the text is cut at every span boundary, each piece takes the colour of the shortest
 * mention covering it (so a nested mention shows inside its parent), and pieces covered by more
 * than one mention get a box so the overlap stays visible.
 */
final class MentionStyles {

    private MentionStyles() {
    }

    static StyleRange[] compute(List<EntityMention> mentions, EntityTypePalette palette) {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (EntityMention m : mentions) {
            for (Span s : m.spans()) {
                cuts.add(s.start());
                cuts.add(s.end());
            }
        }
        List<StyleRange> ranges = new ArrayList<>();
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null) {
                StyleRange r = styleOf(previous, cut, mentions, palette);
                if (r != null) {
                    ranges.add(r);
                }
            }
            previous = cut;
        }
        return ranges.toArray(StyleRange[]::new);
    }

    private static StyleRange styleOf(int start, int end, List<EntityMention> mentions, EntityTypePalette palette) {
        EntityMention shortest = null;
        int shortestLength = Integer.MAX_VALUE;
        int covering = 0;
        for (EntityMention m : mentions) {
            for (Span s : m.spans()) {
                if (s.start() <= start && s.end() >= end) {
                    covering++;
                    if (s.length() < shortestLength) {
                        shortest = m;
                        shortestLength = s.length();
                    }
                }
            }
        }
        if (shortest == null) {
            return null;
        }
        StyleRange r = new StyleRange(start, end - start, null, palette.colorOf(shortest.type()));
        if (covering > 1) {
            r.borderStyle = SWT.BORDER_SOLID;
        }
        return r;
    }
}
