package taiyi.workbench.curation.graph;

import java.util.Set;

/**
 * What a graph shows: concepts of some entity types (empty: all) and edges of some statuses.
 *
 * @param entityTypes the entity types to keep; empty keeps every type
 * @param statuses the edge statuses to keep
 */
public record GraphFilter(Set<String> entityTypes, Set<EdgeStatus> statuses) {

    public static final GraphFilter ALL = new GraphFilter(Set.of(), Set.of(EdgeStatus.values()));

    public GraphFilter {
        entityTypes = Set.copyOf(entityTypes);
        statuses = Set.copyOf(statuses);
    }

    public boolean keeps(GraphNode node) {
        return entityTypes.isEmpty() || entityTypes.contains(node.type());
    }

    public boolean keeps(GraphEdge edge) {
        return statuses.contains(edge.status());
    }
}
