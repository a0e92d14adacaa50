package taiyi.workbench.ui.graph;

import org.eclipse.draw2d.geometry.Point;
import org.eclipse.gef.commands.Command;
import org.eclipse.osgi.util.NLS;

import taiyi.workbench.curation.graph.GraphNode;
import taiyi.workbench.ui.l10n.Messages;

/** Puts a node where the curator dragged it; the view's own arrangement, not a curation decision. */
final class MoveNodeCommand extends Command {

    private final GraphDiagram diagram;
    private final GraphNode node;
    private final Point to;
    private final Runnable moved;
    private Point from;

    MoveNodeCommand(GraphDiagram diagram, GraphNode node, Point to, Runnable moved) {
        super(NLS.bind(Messages.RelationGraphView_moveCommand, node.label()));
        this.diagram = diagram;
        this.node = node;
        this.to = to.getCopy();
        this.moved = moved;
    }

    @Override
    public void execute() {
        from = diagram.centre(node).getCopy();
        diagram.moveTo(node, to);
        moved.run();
    }

    @Override
    public void undo() {
        diagram.moveTo(node, from);
        moved.run();
    }
}
