package taiyi.workbench.ui.graph;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.draw2d.geometry.Point;

import taiyi.workbench.curation.graph.ForceDirectedLayout;
import taiyi.workbench.curation.graph.RelationGraph;

/**
 * Where a scope's nodes sit: laid out automatically, except those the curator dragged, which stay
 * put through every rebuild of the graph (a decision, a filter, another writer's change).
 */
final class NodePlacement {

    /** The distance related nodes settle at, in pixels at 100 %. */
    static final int SPACING = 110;
    private static final int ITERATIONS = 80;

    private final Map<String, double[]> pinned = new HashMap<>();
    /** Where each node was last laid out, so a rebuild moves nothing that was on screen. */
    private final Map<String, double[]> last = new HashMap<>();

    /** The centres of the graph's nodes: pinned ones where they were put, the others laid out around them. */
    Map<String, Point> place(RelationGraph graph) {
        return adopt(layOut(graph, fixed()));
    }

    /** Where nodes are held while the others are laid out: pinned ones, and those laid out before. */
    Map<String, double[]> fixed() {
        Map<String, double[]> fixed = new HashMap<>(last);
        fixed.putAll(pinned);
        return fixed;
    }

    /** Lays a graph out around fixed nodes; touches no placement, so it may run off the UI thread. */
    static Map<String, double[]> layOut(RelationGraph graph, Map<String, double[]> fixed) {
        return new ForceDirectedLayout(SPACING, ITERATIONS).place(graph, fixed);
    }

    /** Takes a layout's result as where the nodes now sit; their centres in pixels. */
    Map<String, Point> adopt(Map<String, double[]> placed) {
        last.putAll(placed);
        Map<String, Point> out = new LinkedHashMap<>();
        // a freeform layer extends to negative coordinates, so the layout's own are kept as they are
        placed.forEach((key, p) -> out.put(key, new Point((int) Math.round(p[0]), (int) Math.round(p[1]))));
        return out;
    }

    /** Keeps a node where the curator put it . */
    void pin(String key, Point centre) {
        pinned.put(key, new double[] {centre.x, centre.y});
        last.put(key, new double[] {centre.x, centre.y});
    }

    /** Forgets every position: the next placement lays the whole graph out afresh. */
    void reset() {
        pinned.clear();
        last.clear();
    }
}
