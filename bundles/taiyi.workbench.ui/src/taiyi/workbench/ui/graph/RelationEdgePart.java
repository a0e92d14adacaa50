package taiyi.workbench.ui.graph;

import java.util.Locale;

import org.eclipse.draw2d.ConnectionLocator;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.PolygonDecoration;
import org.eclipse.draw2d.PolylineConnection;
import org.eclipse.draw2d.ColorConstants;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.Request;
import org.eclipse.gef.RequestConstants;
import org.eclipse.gef.editparts.AbstractConnectionEditPart;
import org.eclipse.gef.editpolicies.ConnectionEndpointEditPolicy;
import org.eclipse.osgi.util.NLS;

import taiyi.workbench.curation.graph.EdgeStatus;
import taiyi.workbench.curation.graph.GraphEdge;
import taiyi.workbench.ui.l10n.Messages;

/**
 * A relation edge: solid when curated, dashed with the model's score when suggested, an arrow at the
 * tail. Double-click opens the document at its evidence; accept, reject, delete and a dragged end
 * are requests its policies answer with commands.
 */
final class RelationEdgePart extends AbstractConnectionEditPart {

    private final GraphDiagram diagram;

    RelationEdgePart(GraphDiagram diagram, GraphEdge edge) {
        this.diagram = diagram;
        setModel(edge);
    }

    GraphEdge edge() {
        return (GraphEdge) getModel();
    }

    GraphDiagram diagram() {
        return diagram;
    }

    /** What the edge's label says: its type, and a suggestion's score; in corpus scope, how many documents state it. */
    static String labelOf(GraphEdge e, boolean corpusScope) {
        StringBuilder s = new StringBuilder(e.type());
        if (e.status() == EdgeStatus.SUGGESTED) {
            s.append(String.format(Locale.ROOT, " %.2f", e.score()));
        }
        if (corpusScope) {
            s.append(" ×").append(e.documents());
        }
        return s.toString();
    }

    @Override
    protected IFigure createFigure() {
        GraphEdge e = edge();
        PolylineConnection line = new PolylineConnection();
        line.setTargetDecoration(new PolygonDecoration());
        line.setForegroundColor(e.status() == EdgeStatus.CURATED ? ColorConstants.darkGray : ColorConstants.gray);
        if (e.status() == EdgeStatus.SUGGESTED) {
            line.setLineStyle(Graphics.LINE_DASH);
        }
        String text = labelOf(e, !diagram.scope().isDocument());
        // a label per edge of a 2,000-edge corpus graph would bury it: there they are tooltips, as in
        // document scope they are both
        if (diagram.scope().isDocument()) {
            Label label = new Label(text);
            label.setOpaque(true);
            label.setBackgroundColor(ColorConstants.white);
            line.add(label, new ConnectionLocator(line, ConnectionLocator.MIDDLE));
        }
        line.setToolTip(new Label(NLS.bind(e.sources().size() == 1 ? Messages.RelationEdgePart_tooltipOne : Messages.RelationEdgePart_tooltipMany,
                new Object[] {text, e.head(), e.tail(), e.sources().size()})));
        return line;
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.CONNECTION_ENDPOINTS_ROLE, new ConnectionEndpointEditPolicy());
        installEditPolicy(EditPolicy.CONNECTION_ROLE, new EdgeDecisionEditPolicy());
    }

    @Override
    public void performRequest(Request request) {
        if (RequestConstants.REQ_OPEN.equals(request.getType())) {
            diagram.openEvidence(edge());
        }
    }
}
