package taiyi.workbench.ui.graph;

import org.eclipse.gef.Request;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.commands.CompoundCommand;
import org.eclipse.gef.editpolicies.ConnectionEditPolicy;
import org.eclipse.gef.requests.GroupRequest;

import taiyi.workbench.curation.graph.EdgeSource;
import taiyi.workbench.curation.graph.EdgeStatus;
import taiyi.workbench.curation.graph.GraphEdge;
import taiyi.workbench.ui.l10n.Messages;

/**
 * The decisions on an edge: delete (a curated edge's relations are deleted, a suggested edge's
 * suggestions rejected), accept and reject (suggested edges). An edge of the corpus scope stands for
 * a statement in each of several documents: the command decides each, one document at a time.
 */
final class EdgeDecisionEditPolicy extends ConnectionEditPolicy {

    /** The request to accept a suggested edge. */
    static final String REQ_ACCEPT = "taiyi.graph.accept";
    /** The request to reject a suggested edge. */
    static final String REQ_REJECT = "taiyi.graph.reject";

    private RelationEdgePart edgePart() {
        return (RelationEdgePart) getHost();
    }

    @Override
    public Command getCommand(Request request) {
        if (REQ_ACCEPT.equals(request.getType())) {
            return decide(true);
        }
        if (REQ_REJECT.equals(request.getType())) {
            return decide(false);
        }
        return super.getCommand(request);
    }

    @Override
    protected Command getDeleteCommand(GroupRequest request) {
        GraphEdge edge = edgePart().edge();
        if (edge.status() == EdgeStatus.SUGGESTED) {
            return decide(false);
        }
        GraphDiagram d = edgePart().diagram();
        CompoundCommand all = new CompoundCommand(Messages.RelationGraphView_deleteCommand);
        for (EdgeSource s : edge.sources()) {
            all.add(new DeleteRelationCommand(d.store(), d.scope().corpus(), s.documentId(), s.annotationId()));
        }
        return all.unwrap();
    }

    private Command decide(boolean accept) {
        GraphEdge edge = edgePart().edge();
        if (edge.status() != EdgeStatus.SUGGESTED) {
            return null;
        }
        GraphDiagram d = edgePart().diagram();
        CompoundCommand all = new CompoundCommand(accept ? Messages.RelationGraphView_acceptCommand : Messages.RelationGraphView_rejectCommand);
        for (EdgeSource s : edge.sources()) {
            all.add(new DecideSuggestionCommand(d.store(), d.scope().corpus(), s.documentId(), s.annotationId(), accept));
        }
        return all.unwrap();
    }
}
