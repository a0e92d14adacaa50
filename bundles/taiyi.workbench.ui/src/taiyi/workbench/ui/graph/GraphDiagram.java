package taiyi.workbench.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.Rectangle;

import taiyi.workbench.curation.graph.GraphEdge;
import taiyi.workbench.curation.graph.GraphNode;
import taiyi.workbench.curation.graph.GraphScope;
import taiyi.workbench.curation.graph.RelationGraph;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.editor.EntityTypePalette;

/**
 * What the graph viewer shows, its contents model: a scope's graph (filtered), where each node sits,
 * and what the parts need to turn requests into commands (the store, the relation type a drag
 * creates, where a double-clicked edge opens).
 */
final class GraphDiagram {

    private final CorpusStore store;
    private final GraphScope scope;
    private final RelationGraph graph;
    private final Map<String, Point> centres;
    private final Map<String, List<GraphEdge>> outgoing = new HashMap<>();
    private final Map<String, List<GraphEdge>> incoming = new HashMap<>();
    private final EntityTypePalette palette;
    private final Supplier<String> relationType;
    private final Consumer<GraphEdge> openEvidence;
    private final NodePlacement placement;

    /** A diagram whose nodes sit at {@code centres} (what {@code placement} gave for the graph). */
    GraphDiagram(CorpusStore store, GraphScope scope, RelationGraph graph, NodePlacement placement, Map<String, Point> centres,
            EntityTypePalette palette, Supplier<String> relationType, Consumer<GraphEdge> openEvidence) {
        this.store = store;
        this.scope = scope;
        this.graph = graph;
        this.placement = placement;
        this.centres = centres;
        this.palette = palette;
        this.relationType = relationType;
        this.openEvidence = openEvidence;
        for (GraphEdge e : graph.edges()) {
            outgoing.computeIfAbsent(e.head(), k -> new ArrayList<>()).add(e);
            incoming.computeIfAbsent(e.tail(), k -> new ArrayList<>()).add(e);
        }
    }

    CorpusStore store() {
        return store;
    }

    GraphScope scope() {
        return scope;
    }

    RelationGraph graph() {
        return graph;
    }

    List<GraphEdge> outgoing(GraphNode n) {
        return outgoing.getOrDefault(n.key(), List.of());
    }

    List<GraphEdge> incoming(GraphNode n) {
        return incoming.getOrDefault(n.key(), List.of());
    }

    /** Where a node's centre sits. */
    Point centre(GraphNode n) {
        return centres.get(n.key());
    }

    /** Moves a node, and keeps it there through later rebuilds of the graph. */
    void moveTo(GraphNode n, Point centre) {
        centres.put(n.key(), centre.getCopy());
        placement.pin(n.key(), centre);
    }

    /** A node's bounds for a figure of the given size. */
    Rectangle bounds(GraphNode n, org.eclipse.draw2d.geometry.Dimension size) {
        Point c = centre(n);
        return new Rectangle(c.x - size.width / 2, c.y - size.height / 2, size.width, size.height);
    }

    EntityTypePalette palette() {
        return palette;
    }

    String relationType() {
        return relationType.get();
    }

    void openEvidence(GraphEdge e) {
        openEvidence.accept(e);
    }
}
