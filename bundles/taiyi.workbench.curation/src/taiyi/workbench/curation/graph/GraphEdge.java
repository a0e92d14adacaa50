package taiyi.workbench.curation.graph;

import java.util.List;

/**
 * A typed, directed edge between two concepts: every curated relation (or every open suggestion)
 * of that type between them, across the graph's documents.
 *
 * @param id unique in the graph: status, type, head and tail
 * @param type the relation type
 * @param head the head concept's key
 * @param tail the tail concept's key
 * @param status curated, or open suggestions
 * @param score the mean score of the suggestions; NaN for curated edges
 * @param sources the relations or suggestions it stands for, in document order
 */
public record GraphEdge(String id, String type, String head, String tail, EdgeStatus status, double score,
        List<EdgeSource> sources) {

    public GraphEdge {
        sources = List.copyOf(sources);
    }

    /** The id of the edge of that status and type between two concepts. */
    public static String idOf(EdgeStatus status, String type, String head, String tail) {
        return status.name().toLowerCase(java.util.Locale.ROOT) + " " + type + " " + head + " -> " + tail;
    }

    /** How many documents state it. */
    public int documents() {
        return (int) sources.stream().map(EdgeSource::documentId).distinct().count();
    }
}
