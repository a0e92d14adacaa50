package taiyi.workbench.ui.graph;

import org.eclipse.gef.EditPart;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editpolicies.GraphicalNodeEditPolicy;
import org.eclipse.gef.requests.CreateConnectionRequest;
import org.eclipse.gef.requests.ReconnectRequest;

import taiyi.workbench.curation.graph.EdgeStatus;
import taiyi.workbench.curation.graph.GraphEdge;
import taiyi.workbench.curation.graph.GraphNode;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Relating two concepts of a document by dragging from one to the other, and moving an end of a
 * curated relation: the head's and tail's first curated mentions become the relation's arguments.
 * Only the document scope relates (in a corpus a concept pair has no one document to record it in),
 * and a concept only the model names has no curated mention to relate yet.
 */
final class RelateEditPolicy extends GraphicalNodeEditPolicy {

    private ConceptNodePart node() {
        return (ConceptNodePart) getHost();
    }

    private static boolean relatable(EditPart part) {
        return part instanceof ConceptNodePart n && n.diagram().scope().isDocument() && !n.node().mentionIds().isEmpty();
    }

    @Override
    protected Command getConnectionCreateCommand(CreateConnectionRequest request) {
        if (!relatable(getHost())) {
            return null;
        }
        // the start command carries nothing but the head; the complete command makes the relation
        Command start = new Command(Messages.RelationGraphView_relate) {
        };
        request.setStartCommand(start);
        return start;
    }

    @Override
    protected Command getConnectionCompleteCommand(CreateConnectionRequest request) {
        EditPart source = request.getSourceEditPart();
        if (request.getStartCommand() == null || !relatable(source) || !relatable(getHost()) || source == getHost()) {
            return null;
        }
        GraphDiagram diagram = node().diagram();
        GraphNode head = ((ConceptNodePart) source).node();
        GraphNode tail = node().node();
        return new RelateCommand(diagram.store(), diagram.scope().corpus(), diagram.scope().documentId(), diagram.relationType(),
                head.mentionIds().get(0), tail.mentionIds().get(0));
    }

    @Override
    protected Command getReconnectSourceCommand(ReconnectRequest request) {
        return reconnect(request, true);
    }

    @Override
    protected Command getReconnectTargetCommand(ReconnectRequest request) {
        return reconnect(request, false);
    }

    private Command reconnect(ReconnectRequest request, boolean source) {
        if (!(request.getConnectionEditPart() instanceof RelationEdgePart edgePart) || !relatable(getHost())) {
            return null;
        }
        GraphEdge edge = edgePart.edge();
        GraphDiagram diagram = node().diagram();
        if (edge.status() != EdgeStatus.CURATED || edge.sources().size() != 1) {
            return null;
        }
        GraphNode moved = node().node();
        GraphNode head = source ? moved : diagram.graph().node(edge.head()).orElse(null);
        GraphNode tail = source ? diagram.graph().node(edge.tail()).orElse(null) : moved;
        if (head == null || tail == null || head.mentionIds().isEmpty() || tail.mentionIds().isEmpty() || head.equals(tail)) {
            return null;
        }
        return new ReconnectRelationCommand(diagram.store(), diagram.scope().corpus(), diagram.scope().documentId(),
                edge.sources().get(0).annotationId(), head.mentionIds().get(0), tail.mentionIds().get(0));
    }
}
