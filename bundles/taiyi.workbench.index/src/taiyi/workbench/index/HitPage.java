package taiyi.workbench.index;

import java.util.List;

/**
 * The first page of a query's answer: how many documents match and the best of them, without the
 * facet counts, which must visit every match and so may come later ({@link CorpusIndex#facets}).
 *
 * @param totalHits how many documents match (exact)
 * @param hits the best-scoring matches, best first, with snippets
 */
public record HitPage(long totalHits, List<SearchHit> hits) {

    public HitPage {
        hits = List.copyOf(hits);
    }

    /** The ids of the hits, in rank order. */
    public List<String> documentIds() {
        return hits.stream().map(SearchHit::documentId).toList();
    }
}
