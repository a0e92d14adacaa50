package taiyi.workbench.ui.graph;

import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editpolicies.NonResizableEditPolicy;
import org.eclipse.gef.editpolicies.XYLayoutEditPolicy;
import org.eclipse.gef.requests.CreateRequest;

/** Moving nodes by drag: each stays where it is dropped. Nodes are neither created nor resized here. */
final class NodeMoveEditPolicy extends XYLayoutEditPolicy {

    @Override
    protected Command createChangeConstraintCommand(EditPart child, Object constraint) {
        if (!(child instanceof ConceptNodePart node) || !(constraint instanceof Rectangle bounds)) {
            return null;
        }
        return new MoveNodeCommand(node.diagram(), node.node(), bounds.getCenter(), node::refreshMoved);
    }

    @Override
    protected EditPolicy createChildEditPolicy(EditPart child) {
        return new NonResizableEditPolicy();
    }

    @Override
    protected Command getCreateCommand(CreateRequest request) {
        return null;
    }
}
