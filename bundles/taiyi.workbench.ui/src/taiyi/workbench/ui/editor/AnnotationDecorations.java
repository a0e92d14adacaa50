package taiyi.workbench.ui.editor;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;

import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.curation.AnnotationModel;

/**
 * Paints over the styled text what style ranges cannot show: one underline per curated mention in the
 * type's colour, stacked one row per overlap level, with the parts of a discontinuous mention joined
 * by a dotted line; a dashed outline around each open suggestion; a frame around the item at the
 * caret; and the relation arcs in the band above each line. Only the visible chars are painted.
 */
final class AnnotationDecorations implements Listener {

    /** Pixels of line spacing: underline rows below the text, then the arc band above the next line. */
    static final int UNDERLINE_ROWS = 3;
    static final int ROW_STEP = 3;
    /** Spacing that holds the underline rows only, for documents without relations. */
    static final int UNDERLINE_SPACING = 2 + UNDERLINE_ROWS * ROW_STEP;
    static final int LINE_SPACING = UNDERLINE_SPACING + RelationArcs.FIRST_LEVEL + RelationArcs.LEVEL_STEP * RelationArcs.LEVELS;

    /** The line spacing a model needs: room for arcs only when it has relations. */
    static int lineSpacingFor(AnnotationModel model) {
        return model.relations().isEmpty() && model.openRelationSuggestions().isEmpty() ? UNDERLINE_SPACING : LINE_SPACING;
    }

    private final StyledText text;
    private final EntityTypePalette palette;
    private final RelationArcs arcs;
    private AnnotationModel model;
    private StackLevels levels;
    private AnnotationItem caretItem;
    private SpanGeometry geometry;

    AnnotationDecorations(StyledText text, EntityTypePalette palette, RelationArcs arcs) {
        this.text = text;
        this.palette = palette;
        this.arcs = arcs;
    }

    /** The model changed: restack the underlines. */
    void show(AnnotationModel shown) {
        this.model = shown;
        this.levels = new StackLevels(shown.mentions());
    }

    /** The text was laid out anew (resized): positions measured before are stale. */
    void layoutChanged() {
        if (geometry != null) {
            geometry.invalidate();
        }
    }

    void setCaretItem(AnnotationItem item) {
        this.caretItem = item;
    }

    @Override
    public void handleEvent(Event e) {
        if (model == null || text.getCharCount() == 0) {
            return;
        }
        GC gc = e.gc;
        if (geometry == null) {
            geometry = new SpanGeometry(text, gc.getFontMetrics().getHeight());
        }
        Rectangle area = text.getClientArea();
        int from = text.getOffsetAtLine(text.getTopIndex());
        int lastLine = text.getLineIndex(area.height);
        int to = lastLine + 1 < text.getLineCount() ? text.getOffsetAtLine(lastLine + 1) : text.getCharCount();
        gc.setLineStyle(SWT.LINE_SOLID);
        for (EntityMention m : model.mentionsOverlapping(from, to)) {
            underline(gc, m);
        }
        gc.setLineStyle(SWT.LINE_DASH);
        gc.setLineWidth(1);
        for (Suggestion s : model.suggestions()) {
            EntityMention m = s.mention();
            if (m.start() >= to) {
                break;
            }
            if (m.end() > from && model.isOpen(s)) {
                gc.setForeground(palette.strongColorOf(m.type()));
                for (Span span : m.spans()) {
                    for (Rectangle r : geometry.boxes(span.start(), span.end())) {
                        gc.drawRectangle(r.x - 1, r.y, r.width + 1, r.height - 1);
                    }
                }
            }
        }
        frameCaretItem(gc, from, to);
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.setLineWidth(1);
        arcs.paint(gc, model, geometry, from, to, caretItem, text.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY), palette);
    }

    private void underline(GC gc, EntityMention m) {
        int row = Math.min(levels.levelOf(m), UNDERLINE_ROWS - 1);
        Color color = palette.strongColorOf(m.type());
        gc.setBackground(color);
        gc.setForeground(color);
        Rectangle previous = null;
        for (Span span : m.spans()) {
            List<Rectangle> boxes = geometry.boxes(span.start(), span.end());
            for (Rectangle r : boxes) {
                gc.fillRectangle(r.x, r.y + r.height + 1 + row * ROW_STEP, r.width, 2);
            }
            Rectangle first = boxes.get(0);
            if (previous != null && previous.y == first.y) {
                // the gap of a discontinuous mention: a dotted link between its parts
                int y = first.y + first.height + 2 + row * ROW_STEP;
                gc.setLineStyle(SWT.LINE_DOT);
                gc.drawLine(previous.x + previous.width, y, first.x, y);
                gc.setLineStyle(SWT.LINE_SOLID);
            }
            previous = boxes.get(boxes.size() - 1);
        }
    }

    private void frameCaretItem(GC gc, int from, int to) {
        EntityMention m = null;
        if (caretItem instanceof AnnotationItem.CuratedMention c) {
            m = c.mention();
        } else if (caretItem instanceof AnnotationItem.SuggestedMention s) {
            m = s.suggestion().mention();
        } else if (caretItem instanceof AnnotationItem.SuggestedRelation r) {
            // the arguments a suggested relation's decision acts on are framed too
            model.suggestedArgument(r.suggestion().relation().head()).filter(a -> a.start() < to && a.end() > from).ifPresent(a -> frame(gc, a));
            model.suggestedArgument(r.suggestion().relation().tail()).filter(a -> a.start() < to && a.end() > from).ifPresent(a -> frame(gc, a));
        }
        if (m != null) {
            frame(gc, m);
        }
    }

    private void frame(GC gc, EntityMention m) {
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.setLineWidth(2);
        gc.setForeground(text.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        for (Span span : m.spans()) {
            for (Rectangle r : geometry.boxes(span.start(), span.end())) {
                gc.drawRectangle(r.x - 2, r.y - 1, r.width + 3, r.height + 1);
            }
        }
    }
}
