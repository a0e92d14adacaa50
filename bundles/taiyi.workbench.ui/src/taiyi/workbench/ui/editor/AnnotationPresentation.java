package taiyi.workbench.ui.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;

import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.curation.AnnotationModel;

/**
 * How the model looks in the text widget: mention backgrounds as style ranges, the painted
 * underlines, outlines and arcs, the line spacing they need, and the legend's counts. After a
 * decision only the chars it changed are restyled; everything else is repainted from caches.
 */
final class AnnotationPresentation {

    private final StyledText text;
    private final EntityTypeLegend legend;
    private final EntityTypePalette palette;
    private final Supplier<List<String>> keyedTypes;
    private final Font arcFont;
    private final RelationArcs arcs;
    private final AnnotationDecorations decorations;
    private final DecorationRepaint repaint;
    private AnnotationItem caretItem;
    private Map<String, Integer> legendCounts;
    private List<taiyi.workbench.core.curation.LabelSuggestion> legendLabels;

    AnnotationPresentation(StyledText text, EntityTypeLegend legend, EntityTypePalette palette,
            Supplier<List<String>> keyedTypes) {
        this.text = text;
        this.legend = legend;
        this.palette = palette;
        this.keyedTypes = keyedTypes;
        FontData small = text.getFont().getFontData()[0];
        arcFont = new Font(text.getDisplay(), small.getName(), Math.max(7, small.getHeight() - 2), SWT.NORMAL);
        arcs = new RelationArcs(text, arcFont);
        decorations = new AnnotationDecorations(text, palette, arcs);
        repaint = new DecorationRepaint(text);
        text.addListener(SWT.Paint, decorations);
        text.addListener(SWT.Resize, e -> decorations.layoutChanged());
    }

    /** Styles the whole text (on opening, or after another writer changed the document). */
    void showAll(AnnotationModel model) {
        fitLineSpacing(model);
        MentionStyles.Styles styles = MentionStyles.compute(model.mentions(), palette);
        text.setStyleRanges(styles.ranges(), styles.styles());
        decorations.show(model);
        showLegend(model);
    }

    /**
     * Restyles the chars a decision changed ({@code [start, end)}, or null for none) and marks their
     * lines for {@link #flushRepaint()}.
     */
    void showChange(AnnotationModel model, int[] changed) {
        fitLineSpacing(model);
        if (changed != null) {
            int from = changed[0];
            int to = changed[1];
            // mentions overlapping the changed ones decide those chars' colour too
            for (EntityMention m : model.mentionsOverlapping(from, to)) {
                from = Math.min(from, m.start());
                to = Math.max(to, m.end());
            }
            MentionStyles.Styles styles = MentionStyles.compute(model.mentionsOverlapping(from, to), from, to, palette);
            text.setStyleRanges(from, to - from, styles.ranges(), styles.styles());
            // stacking and counts change only with the curated mentions (not on a reject or skip)
            decorations.show(model);
            showLegend(model);
            // a mention's underline row depends on the mentions it overlaps, and theirs on theirs: the whole
            // run of overlapping mentions (stacking is independent across a gap) may have moved rows
            int[] run = overlapRun(model, from, to);
            repaint.chars(run[0], run[1]);
        }
    }

    /** The extent of the mentions chained by overlap to {@code [from, to)}. */
    private static int[] overlapRun(AnnotationModel model, int from, int to) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (EntityMention m : model.mentionsOverlapping(from, to)) {
                if (m.start() < from || m.end() > to) {
                    from = Math.min(from, m.start());
                    to = Math.max(to, m.end());
                    grew = true;
                }
            }
        }
        return new int[] {from, to};
    }

    /** Frames another item; the lines of the one framed before and of the new one are marked for repaint. */
    void setCaretItem(AnnotationItem item, AnnotationModel model) {
        repaint.item(caretItem, model);
        caretItem = item;
        decorations.setCaretItem(item);
        repaint.item(item, model);
    }

    /** Repaints, once, the lines decisions and caret moves marked since the last call. */
    void flushRepaint() {
        repaint.flush();
    }

    /**
     * Reserves the band above each line for arcs only while the document has relations, so an
     * entity-only document reads as densely as plain text; the top margin is the first line's band.
     */
    private void fitLineSpacing(AnnotationModel model) {
        int spacing = AnnotationDecorations.lineSpacingFor(model);
        if (text.getLineSpacing() != spacing || text.getTopMargin() != spacing) {
            text.setMargins(10, spacing, 10, 8);
            text.setLineSpacing(spacing);
            decorations.layoutChanged();
        }
    }

    private void showLegend(AnnotationModel model) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        keyedTypes.get().forEach(t -> counts.put(t, 0));
        model.mentions().forEach(m -> counts.merge(m.type(), 1, Integer::sum));
        if (!counts.equals(legendCounts) || !model.labelSuggestions().equals(legendLabels)) {
            legendCounts = counts;
            legendLabels = model.labelSuggestions();
            legend.show(counts, palette, legendLabels);
        }
    }

    RelationArcs arcs() {
        return arcs;
    }

    void dispose() {
        arcFont.dispose();
    }
}
