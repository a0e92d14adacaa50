package taiyi.workbench.ui.graph;

import java.util.List;

import org.eclipse.draw2d.FreeformLayer;
import org.eclipse.draw2d.FreeformLayout;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.MarginBorder;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.editparts.AbstractGraphicalEditPart;
import org.eclipse.gef.editpolicies.RootComponentEditPolicy;

/** The whole graph: a freeform layer holding the concept nodes where the diagram places them. */
final class GraphDiagramPart extends AbstractGraphicalEditPart {

    GraphDiagramPart(GraphDiagram diagram) {
        setModel(diagram);
    }

    GraphDiagram diagram() {
        return (GraphDiagram) getModel();
    }

    @Override
    protected IFigure createFigure() {
        FreeformLayer layer = new FreeformLayer();
        layer.setLayoutManager(new FreeformLayout());
        layer.setBorder(new MarginBorder(20));
        return layer;
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.COMPONENT_ROLE, new RootComponentEditPolicy());
        installEditPolicy(EditPolicy.LAYOUT_ROLE, new NodeMoveEditPolicy());
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List getModelChildren() {
        return diagram().graph().nodes();
    }
}
