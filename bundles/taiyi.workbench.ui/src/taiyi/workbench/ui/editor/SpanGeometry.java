package taiyi.workbench.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Rectangle;

/**
 * Where a span of text lies on screen: one box per visual line it covers, as tall as the text (the
 * line spacing below, where underlines and arcs go, excluded).
 */
final class SpanGeometry {

    private final StyledText text;
    private final int textHeight;

    SpanGeometry(StyledText text, int textHeight) {
        this.text = text;
        this.textHeight = textHeight;
    }

    int textHeight() {
        return textHeight;
    }

    /** Boxes of chars {@code [start, end)}, first line first. */
    List<Rectangle> boxes(int start, int end) {
        Rectangle first = text.getTextBounds(start, start);
        Rectangle last = text.getTextBounds(end - 1, end - 1);
        List<Rectangle> out = new ArrayList<>(2);
        if (first.y == last.y) {
            Rectangle all = text.getTextBounds(start, end - 1);
            out.add(new Rectangle(all.x, first.y, all.width, textHeight));
            return out;
        }
        // wrapped: the first part runs to the right edge, the last starts at the left margin
        Rectangle area = text.getClientArea();
        int right = area.width - text.getRightMargin();
        out.add(new Rectangle(first.x, first.y, Math.max(1, right - first.x), textHeight));
        int left = text.getLeftMargin();
        out.add(new Rectangle(left, last.y, Math.max(1, last.x + last.width - left), textHeight));
        return out;
    }
}
