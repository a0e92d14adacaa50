/**
 * Full-text and annotation search over a corpus database: a Lucene index beside the H2 store,
 * rebuildable from it at any time ({@link taiyi.workbench.index.CorpusIndex},
 * {@link taiyi.workbench.index.IndexUpdater}), and the curators' query language
 * ({@link taiyi.workbench.index.CuratorQueryParser}). A query's answer comes whole
 * ({@link taiyi.workbench.index.SearchResult}) or in two cancellable parts, the first page
 * ({@link taiyi.workbench.index.HitPage}) and the facet counts over every match
 * ({@link taiyi.workbench.index.FacetCounts}), for a view that must not wait for the second.
 * Lucene's checked exceptions stay inside: the API throws
 * {@link taiyi.workbench.index.IndexException}, {@link taiyi.workbench.index.QuerySyntaxException}
 * and {@link taiyi.workbench.index.SearchCancelledException}.
 */
package taiyi.workbench.index;
