package taiyi.workbench.ui.graph;

import java.util.List;

import org.eclipse.draw2d.ConnectionAnchor;
import org.eclipse.draw2d.EllipseAnchor;
import org.eclipse.draw2d.IFigure;
import org.eclipse.gef.ConnectionEditPart;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.NodeEditPart;
import org.eclipse.gef.Request;
import org.eclipse.gef.editparts.AbstractGraphicalEditPart;

import taiyi.workbench.curation.graph.GraphNode;

/** A concept node: its figure where the diagram places it, its edges in and out, and relating by drag. */
final class ConceptNodePart extends AbstractGraphicalEditPart implements NodeEditPart {

    private final GraphDiagram diagram;

    ConceptNodePart(GraphDiagram diagram, GraphNode node) {
        this.diagram = diagram;
        setModel(node);
    }

    GraphNode node() {
        return (GraphNode) getModel();
    }

    GraphDiagram diagram() {
        return diagram;
    }

    @Override
    protected IFigure createFigure() {
        GraphNode n = node();
        String type = n.type().isEmpty() ? "?" : n.type();
        return new ConceptFigure(n, diagram.palette().colorOf(type), diagram.palette().strongColorOf(type));
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.GRAPHICAL_NODE_ROLE, new RelateEditPolicy());
    }

    @Override
    protected void refreshVisuals() {
        IFigure f = getFigure();
        ((GraphicalEditPart) getParent()).setLayoutConstraint(this, f, diagram.bounds(node(), f.getPreferredSize()));
    }

    /** Puts the figure where the diagram now places the node (after a move or its undo). */
    void refreshMoved() {
        refreshVisuals();
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List getModelSourceConnections() {
        return diagram.outgoing(node());
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List getModelTargetConnections() {
        return diagram.incoming(node());
    }

    private ConnectionAnchor anchor() {
        return new EllipseAnchor(((ConceptFigure) getFigure()).disc());
    }

    @Override
    public ConnectionAnchor getSourceConnectionAnchor(ConnectionEditPart connection) {
        return anchor();
    }

    @Override
    public ConnectionAnchor getTargetConnectionAnchor(ConnectionEditPart connection) {
        return anchor();
    }

    @Override
    public ConnectionAnchor getSourceConnectionAnchor(Request request) {
        return anchor();
    }

    @Override
    public ConnectionAnchor getTargetConnectionAnchor(Request request) {
        return anchor();
    }
}
