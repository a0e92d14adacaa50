package taiyi.workbench.ui.editor;

import java.util.List;

import org.eclipse.draw2d.ColorConstants;
import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.LineBorder;
import org.eclipse.draw2d.PolygonDecoration;
import org.eclipse.draw2d.Polyline;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.PointList;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.model.Relation;

/**
 * One relation drawn brat-like in the band above the text: a bracket rising from the head, running
 * level and coming down onto the tail with an arrowhead, the relation type in a label on the level
 * part. An arc whose ends are on different lines is drawn in two halves, out to the right margin
 * above the head's line and in from the left margin above the tail's, labelled on the tail's half. Concept-level relations
 * (arguments are concepts, drawn between their first mentions) are dashed, and so are the model's
 * open relation suggestions, whose label adds the model's score.
 */
public final class RelationArcFigure extends Figure {

    private final Relation relation;
    private final RelationSuggestion suggestion;
    private final Label label;

    /**
     * @param suggestion the relation suggestion drawn, or null for a curated relation
     * @param arrow whether the last stroke ends on the tail (false: the tail is out of view)
     * @param dashed concept-level relations and suggestions
     */
    RelationArcFigure(Relation relation, RelationSuggestion suggestion, List<PointList> strokes, boolean arrow,
            Point labelCenter, Color color, String labelText, boolean dashed, boolean selected) {
        this.relation = relation;
        this.suggestion = suggestion;
        Rectangle extent = null;
        for (int i = 0; i < strokes.size(); i++) {
            Polyline line = new Polyline();
            line.setPoints(strokes.get(i));
            line.setForegroundColor(color);
            line.setLineWidth(selected ? 2 : 1);
            if (dashed) {
                line.setLineStyle(SWT.LINE_DASH);
            }
            add(line);
            extent = extent == null ? line.getBounds().getCopy() : extent.union(line.getBounds());
            if (arrow && i == strokes.size() - 1) {
                PointList points = strokes.get(i);
                PolygonDecoration head = new PolygonDecoration();
                head.setScale(6, 3);
                head.setBackgroundColor(color);
                head.setForegroundColor(color);
                head.setLocation(points.getLastPoint());
                head.setReferencePoint(points.getPoint(points.size() - 2));
                add(head);
                extent = extent.union(head.getBounds());
            }
        }
        label = new Label(labelText);
        label.setOpaque(true);
        label.setBackgroundColor(selected ? ColorConstants.yellow : ColorConstants.white);
        label.setForegroundColor(color);
        label.setBorder(new LineBorder(color, 1));
        add(label);
        this.labelCenter = labelCenter;
        this.extent = extent;
    }

    private final Point labelCenter;
    private Rectangle extent;

    /** Places the label now that a font is known (the figure's parent gives it). */
    void layoutLabel() {
        org.eclipse.draw2d.geometry.Dimension size = label.getPreferredSize();
        label.setBounds(new Rectangle(labelCenter.x - size.width / 2, labelCenter.y - size.height / 2, size.width, size.height));
        // the field, not setBounds: setBounds would translate the children, which are placed absolutely
        bounds = extent.getUnion(label.getBounds()).expand(2, 2);
    }

    /** Slides the label along its arc, off a label placed before it. */
    void moveLabelBy(int dx) {
        label.setBounds(label.getBounds().getTranslated(dx, 0));
        bounds = bounds.getUnion(label.getBounds());
    }

    /** The relation drawn: a curated one, or the relation a suggestion proposes. */
    public Relation relation() {
        return relation;
    }

    /** The relation suggestion drawn, or null when the arc is a curated relation. */
    public RelationSuggestion suggestion() {
        return suggestion;
    }

    /** Where the type label is, for clicks that select the relation. */
    public Rectangle labelBounds() {
        return label.getBounds();
    }

    public String labelText() {
        return label.getText();
    }
}
