package taiyi.workbench.index;

import java.util.List;
import java.util.Map;

/**
 * The answer to a query: how many documents match, the best of them, and facet counts over all of
 * them.
 *
 * @param totalHits how many documents match (exact)
 * @param hits the best-scoring matches, best first
 * @param types per entity type, how many matching documents have a mention or suggestion of it
 * @param statuses per suggestion status (unreviewed, accepted, rejected), how many matching documents
 *     have a suggestion in it
 * @param languages per language code, how many matching documents are in it
 */
public record SearchResult(long totalHits, List<SearchHit> hits, Map<String, Integer> types, Map<String, Integer> statuses,
        Map<String, Integer> languages) {

    public SearchResult {
        hits = List.copyOf(hits);
        types = Map.copyOf(types);
        statuses = Map.copyOf(statuses);
        languages = Map.copyOf(languages);
    }

    /** The first page and the facet counts of one query, as one answer. */
    public static SearchResult of(HitPage page, FacetCounts facets) {
        return new SearchResult(facets.documents(), page.hits(), facets.types(), facets.statuses(), facets.languages());
    }

    /** The ids of the hits, in rank order. */
    public List<String> documentIds() {
        return hits.stream().map(SearchHit::documentId).toList();
    }
}
