package taiyi.workbench.ui.graph;

import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPartFactory;

import taiyi.workbench.curation.graph.GraphEdge;
import taiyi.workbench.curation.graph.GraphNode;

/** Makes the part of each model object: the diagram, its concept nodes and relation edges. */
final class GraphPartFactory implements EditPartFactory {

    private GraphDiagram diagram;

    @Override
    public EditPart createEditPart(EditPart context, Object model) {
        if (model instanceof GraphDiagram d) {
            diagram = d;
            return new GraphDiagramPart(d);
        }
        if (model instanceof GraphNode n) {
            return new ConceptNodePart(diagram, n);
        }
        if (model instanceof GraphEdge e) {
            return new RelationEdgePart(diagram, e);
        }
        throw new IllegalArgumentException("no part for " + model);
    }
}
