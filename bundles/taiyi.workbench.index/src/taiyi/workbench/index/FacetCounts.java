package taiyi.workbench.index;

import java.util.Map;

/**
 * How the documents matching a query divide by entity type, suggestion status and language,
 * counted over every match.
 *
 * @param documents how many documents match (exact)
 * @param types per entity type, how many matching documents have a mention or suggestion of it
 * @param statuses per suggestion status (unreviewed, accepted, rejected), how many matching documents
 *     have a suggestion in it
 * @param languages per language code, how many matching documents are in it
 */
public record FacetCounts(long documents, Map<String, Integer> types, Map<String, Integer> statuses, Map<String, Integer> languages) {

    public FacetCounts {
        types = Map.copyOf(types);
        statuses = Map.copyOf(statuses);
        languages = Map.copyOf(languages);
    }
}
