package taiyi.workbench.ui.graph;

import org.eclipse.draw2d.ColorConstants;
import org.eclipse.draw2d.Ellipse;
import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.Color;

import taiyi.workbench.curation.graph.GraphNode;
import taiyi.workbench.ui.l10n.Messages;

/**
 * A concept: a disc in its entity type's colour, sized by how many mentions name it, with its name
 * beneath. A concept only the model names has a dashed outline, like its dashed edges.
 */
final class ConceptFigure extends Figure {

    private static final int MIN_DIAMETER = 18;
    private static final int MAX_DIAMETER = 64;

    private final Ellipse disc = new Ellipse() {
        @Override
        protected void outlineShape(Graphics g) {
            if (dashed) {
                g.setLineStyle(Graphics.LINE_DASH);
            }
            super.outlineShape(g);
        }
    };
    private final Label name = new Label();
    private final boolean dashed;
    private final int diameter;

    ConceptFigure(GraphNode node, Color fill, Color outline) {
        dashed = node.isSuggestedOnly();
        diameter = diameterFor(node.mentions());
        disc.setBackgroundColor(fill);
        disc.setForegroundColor(outline);
        disc.setLineWidth(2);
        name.setText(node.label());
        name.setForegroundColor(ColorConstants.black);
        add(disc);
        add(name);
        Label tip = new Label(NLS.bind(node.documents() == 1 ? Messages.ConceptFigure_tooltipOne : Messages.ConceptFigure_tooltipMany,
                new Object[] {node.label(), node.type(), node.key(), node.mentions(), node.documents()}));
        setToolTip(tip);
    }

    /** Grows with the square root of the count, so a concept named 100 times is not a hundred times larger. */
    static int diameterFor(int mentions) {
        return Math.min(MAX_DIAMETER, MIN_DIAMETER + (int) Math.round(6 * Math.sqrt(mentions)));
    }

    @Override
    public Dimension getPreferredSize(int wHint, int hHint) {
        Dimension label = name.getPreferredSize();
        return new Dimension(Math.max(diameter, label.width), diameter + label.height);
    }

    @Override
    protected void layout() {
        Rectangle r = getClientArea();
        Dimension label = name.getPreferredSize();
        disc.setBounds(new Rectangle(r.x + (r.width - diameter) / 2, r.y, diameter, diameter));
        name.setBounds(new Rectangle(r.x + (r.width - label.width) / 2, r.y + diameter, label.width, label.height));
    }

    /** The disc, where edges attach. */
    IFigure disc() {
        return disc;
    }

    boolean isDashed() {
        return dashed;
    }
}
