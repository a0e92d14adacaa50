package taiyi.workbench.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Rectangle;

/**
 * Where a span of text lies on screen: one box per visual line it covers, as tall as the text (the
 * line spacing below, where underlines and arcs go, excluded).
 *
 * <p>Asking the widget is a Pango layout query per call, the dominant cost of a repaint with a
 * hundred mentions in view, so boxes are kept in document coordinates (independent of scrolling)
 * until the layout changes: a resize or a new font. Styles only colour the text and never move it,
 * so a decision does not invalidate them.
 */
final class SpanGeometry {

    private final StyledText text;
    private final int textHeight;
    private final Map<Long, List<Rectangle>> cache = new HashMap<>();

    SpanGeometry(StyledText text, int textHeight) {
        this.text = text;
        this.textHeight = textHeight;
    }

    int textHeight() {
        return textHeight;
    }

    /** The layout changed (resize): forget every box. */
    void invalidate() {
        cache.clear();
    }

    /** Boxes of chars {@code [start, end)} in widget coordinates, first line first. */
    List<Rectangle> boxes(int start, int end) {
        List<Rectangle> inDocument = cache.computeIfAbsent(((long) start << 32) | end, k -> measure(start, end));
        int dx = text.getHorizontalPixel();
        int dy = text.getTopPixel();
        List<Rectangle> out = new ArrayList<>(inDocument.size());
        for (Rectangle r : inDocument) {
            out.add(new Rectangle(r.x - dx, r.y - dy, r.width, r.height));
        }
        return out;
    }

    private List<Rectangle> measure(int start, int end) {
        int dx = text.getHorizontalPixel();
        int dy = text.getTopPixel();
        Rectangle all = text.getTextBounds(start, end - 1);
        List<Rectangle> out = new ArrayList<>(2);
        // one visual line, whether or not the widget counts the line spacing into the height
        if (all.height < 2 * textHeight + text.getLineSpacing()) {
            out.add(new Rectangle(all.x + dx, all.y + dy, all.width, textHeight));
            return out;
        }
        // wrapped: the first part runs to the right edge, the last starts at the left margin
        Rectangle first = text.getTextBounds(start, start);
        Rectangle last = text.getTextBounds(end - 1, end - 1);
        Rectangle area = text.getClientArea();
        int right = area.width - text.getRightMargin();
        out.add(new Rectangle(first.x + dx, first.y + dy, Math.max(1, right - first.x), textHeight));
        int left = text.getLeftMargin();
        out.add(new Rectangle(left + dx, last.y + dy, Math.max(1, last.x + last.width - left), textHeight));
        return out;
    }
}
