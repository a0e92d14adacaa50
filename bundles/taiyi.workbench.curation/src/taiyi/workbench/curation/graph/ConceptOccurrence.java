package taiyi.workbench.curation.graph;

import java.util.List;

/**
 * One concept as a document names it.
 *
 * @param key the concept key
 * @param type the entity type of its first mention
 * @param label its first mention's text (or the suggestion's, for a concept only the model names)
 * @param mentionIds the ids of the curated mentions standing for it, by position; empty when only
 *     suggestions name it
 * @param suggestionIds the ids of open mention suggestions standing for it and not yet accepted
 */
public record ConceptOccurrence(String key, String type, String label, List<String> mentionIds, List<String> suggestionIds) {

    public ConceptOccurrence {
        mentionIds = List.copyOf(mentionIds);
        suggestionIds = List.copyOf(suggestionIds);
    }

    /** Whether a curated mention names it (an open suggestion alone does not make a concept occur). */
    public boolean isCurated() {
        return !mentionIds.isEmpty();
    }
}
