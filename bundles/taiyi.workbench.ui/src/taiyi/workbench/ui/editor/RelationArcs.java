package taiyi.workbench.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.SWTGraphics;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.PointList;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;

import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.curation.AnnotationModel;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Builds the Draw2d figures of the relations visible in the editor and paints them on the
 * {@code StyledText}'s GC through {@link SWTGraphics}. Only relations with an end in the visible chars
 * are built, so a document with thousands of relations paints as fast as one with ten. Arcs that
 * overlap on a line are raised one level each so their labels do not cover one another. Open
 * relation suggestions are drawn after the curated relations, dashed in their relation type's colour
 * and labelled with their type and score, between their argument suggestions or the curated
 * mentions those became once accepted; decided ones are not drawn (an accepted one is a curated
 * relation by then).
 */
final class RelationArcs {

    /** Pixels from the top of a line's text up to the lowest arc level, and between levels. */
    static final int FIRST_LEVEL = 8;
    static final int LEVEL_STEP = 7;
    static final int LEVELS = 2;

    private final StyledText text;
    private final Font labelFont;
    private List<RelationArcFigure> painted = List.of();

    RelationArcs(StyledText text, Font labelFont) {
        this.text = text;
        this.labelFont = labelFont;
    }

    /**
     * Paints the arcs of the relations and open relation suggestions touching chars {@code [from, to)}.
     *
     * @param selected the item at the caret, whose arc is drawn bold with a highlighted label
     */
    void paint(GC gc, AnnotationModel model, SpanGeometry geometry, int from, int to, AnnotationItem selected, Color color,
            EntityTypePalette palette) {
        Figure root = new Figure();
        root.setFont(labelFont);
        Rectangle area = text.getClientArea();
        root.setBounds(new org.eclipse.draw2d.geometry.Rectangle(area.x, area.y, area.width, area.height));
        List<RelationArcFigure> arcs = new ArrayList<>();
        // per line top (y), the x-ranges taken at each level
        Map<Integer, List<int[]>> taken = new HashMap<>();
        String selectedRelation = selected instanceof AnnotationItem.CuratedRelation r ? r.relation().id() : null;
        for (Relation r : model.relations()) {
            List<EntityMention> heads = model.argumentMentions(r.head());
            List<EntityMention> tails = model.argumentMentions(r.tail());
            if (heads.isEmpty() || tails.isEmpty()) {
                continue;
            }
            boolean conceptLevel = model.isConceptLevel(r);
            add(arcs, root, taken, area, geometry, from, to, heads.get(0), tails.get(0), arc -> new RelationArcFigure(r, null,
                    arc.strokes, arc.arrow, arc.labelAt, color, (conceptLevel ? NLS.bind(Messages.RelationArcs_conceptLevel, r.type()) : r.type()), conceptLevel,
                    r.id().equals(selectedRelation)));
        }
        String selectedSuggestion = selected instanceof AnnotationItem.SuggestedRelation s ? s.id() : null;
        for (RelationSuggestion s : model.relationSuggestions()) {
            if (!model.isOpen(s)) {
                continue;
            }
            EntityMention head = model.suggestedArgument(s.relation().head()).orElse(null);
            EntityMention tail = model.suggestedArgument(s.relation().tail()).orElse(null);
            if (head == null || tail == null) {
                continue;
            }
            Color typeColor = palette.strongColorOf(s.relation().type());
            add(arcs, root, taken, area, geometry, from, to, head, tail, arc -> new RelationArcFigure(s.relation(), s, arc.strokes,
                    arc.arrow, arc.labelAt, typeColor, SuggestionLabels.of(s), true, s.id().equals(selectedSuggestion)));
        }
        painted = arcs;
        if (arcs.isEmpty()) {
            return;
        }
        SWTGraphics graphics = new SWTGraphics(gc);
        try {
            root.paint(graphics);
        } finally {
            graphics.dispose();
        }
    }

    /** Where an arc runs: its strokes, whether it ends in an arrow on the tail, and its label's centre. */
    private record Route(List<PointList> strokes, boolean arrow, Point labelAt) {
    }

    /** Routes one arc from {@code head} to {@code tail} when either end is visible, and adds its figure. */
    private void add(List<RelationArcFigure> arcs, Figure root, Map<Integer, List<int[]>> taken, Rectangle area,
            SpanGeometry geometry, int from, int to, EntityMention head, EntityMention tail,
            java.util.function.Function<Route, RelationArcFigure> figure) {
        // an end outside the visible chars is not measured (that would lay out a far paragraph):
        // its half of the arc leaves the view towards the margin on the side where it lies
        boolean headShown = head.start() < to && head.end() > from;
        boolean tailShown = tail.start() < to && tail.end() > from;
        if (!headShown && !tailShown) {
            return;
        }
        Rectangle h = headShown ? geometry.boxes(head.start(), head.spans().get(0).end()).get(0) : null;
        Rectangle t = tailShown ? geometry.boxes(tail.start(), tail.spans().get(0).end()).get(0) : null;
        List<PointList> strokes = new ArrayList<>();
        Point labelAt;
        if (headShown && tailShown && h.y == t.y) {
            int hx = h.x + h.width / 2;
            int tx = t.x + t.width / 2;
            int y = h.y - levelHeight(taken, h.y, Math.min(hx, tx), Math.max(hx, tx));
            strokes.add(points(hx, h.y, hx, y, tx, y, tx, t.y));
            labelAt = new Point((hx + tx) / 2, y);
        } else {
            int right = area.width - text.getRightMargin();
            int left = text.getLeftMargin();
            // a tail after its head lies below it: out to the right above the head, in from the left above the tail
            boolean tailBelow = tail.start() > head.start();
            labelAt = null;
            if (headShown) {
                int hx = h.x + h.width / 2;
                int out = tailBelow ? right : left;
                int yh = h.y - levelHeight(taken, h.y, Math.min(hx, out), Math.max(hx, out));
                strokes.add(points(hx, h.y, hx, yh, out, yh));
                labelAt = new Point((hx + out) / 2, yh);
            }
            if (tailShown) {
                int tx = t.x + t.width / 2;
                int in = tailBelow ? left : right;
                int yt = t.y - levelHeight(taken, t.y, Math.min(in, tx), Math.max(in, tx));
                strokes.add(points(in, yt, tx, yt, tx, t.y));
                labelAt = new Point((in + tx) / 2, yt);
            }
        }
        RelationArcFigure arc = figure.apply(new Route(strokes, tailShown, labelAt));
        root.add(arc);
        arc.layoutLabel();
        // labels of arcs stacked on one line would cover one another: slide a label past those before it
        for (int tries = 0; tries < 8; tries++) {
            org.eclipse.draw2d.geometry.Rectangle mine = arc.labelBounds();
            RelationArcFigure hit = arcs.stream().filter(a -> a.labelBounds().intersects(mine)).findFirst().orElse(null);
            if (hit == null) {
                break;
            }
            arc.moveLabelBy(hit.labelBounds().right() - mine.x + 4);
        }
        arcs.add(arc);
    }

    private static int levelHeight(Map<Integer, List<int[]>> taken, int lineTop, int x1, int x2) {
        List<int[]> ranges = taken.computeIfAbsent(lineTop, y -> new ArrayList<>());
        int level = 0;
        for (int[] r : ranges) {
            if (r[0] < x2 + 30 && x1 - 30 < r[1]) {
                level = Math.max(level, r[2] + 1);
            }
        }
        level = Math.min(level, LEVELS - 1);
        ranges.add(new int[] {x1, x2, level});
        return FIRST_LEVEL + level * LEVEL_STEP;
    }

    private static PointList points(int... xy) {
        PointList list = new PointList();
        for (int i = 0; i < xy.length; i += 2) {
            list.addPoint(xy[i], xy[i + 1]);
        }
        return list;
    }

    /** The arcs of the latest paint. */
    List<RelationArcFigure> painted() {
        return painted;
    }

    /** The arc (curated relation or relation suggestion) whose label is at a point of the text widget, or null. */
    RelationArcFigure arcAt(int x, int y) {
        for (RelationArcFigure arc : painted) {
            if (arc.labelBounds().contains(x, y)) {
                return arc;
            }
        }
        return null;
    }
}
