package taiyi.workbench.curation.graph;

import java.util.List;

/**
 * A concept in a relation graph.
 *
 * @param key the concept key, unique in the graph
 * @param type the entity type it was first named with
 * @param label what to show: the text it is named by most often (ties: the first)
 * @param mentions how many curated mentions name it
 * @param documents in how many documents a curated mention names it
 * @param mentionIds in document scope, the ids of its curated mentions; in corpus scope, empty
 * @param suggestionIds in document scope, the ids of the open mention suggestions standing for it
 */
public record GraphNode(String key, String type, String label, int mentions, int documents, List<String> mentionIds,
        List<String> suggestionIds) {

    public GraphNode {
        mentionIds = List.copyOf(mentionIds);
        suggestionIds = List.copyOf(suggestionIds);
    }

    /** Whether only the model names it (no curated mention does). */
    public boolean isSuggestedOnly() {
        return mentions == 0;
    }
}
