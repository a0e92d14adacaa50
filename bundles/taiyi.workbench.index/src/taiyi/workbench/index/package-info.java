/**
 * Full-text and annotation search over a corpus database: a Lucene index beside the H2 store,
 * rebuildable from it at any time ({@link taiyi.workbench.index.CorpusIndex},
 * {@link taiyi.workbench.index.IndexUpdater}), and the curators' query language
 * ({@link taiyi.workbench.index.CuratorQueryParser}). Lucene's checked exceptions stay inside: the
 * API throws {@link taiyi.workbench.index.IndexException} and
 * {@link taiyi.workbench.index.QuerySyntaxException}.
 */
package taiyi.workbench.index;
