/**
 * The relations of a document or a corpus as one graph, and the questions review asks of it,
 * headless, so the Relation Graph view, {@code taiyi relations} and the benchmark share one answer.
 *
 * <p>{@link taiyi.workbench.curation.graph.DocumentRelations} reads one document's layers (through
 * {@link taiyi.workbench.curation.AnnotationModel}) down to concepts: each curated mention stands for
 * its concept (its normalisation, else its type and lower-cased text), and each curated relation and
 * open relation suggestion joins two concepts. {@link taiyi.workbench.curation.graph.RelationGraph}
 * merges any number of them: one document is the document scope (a node per concept carries that
 * document's mention ids, so edits can name mentions), a corpus is the corpus scope.
 * {@link taiyi.workbench.curation.graph.ConsistencyFinder} lists the concept pairs related in some
 * documents and not in others where both occur; {@link taiyi.workbench.curation.graph.GraphMLWriter}
 * writes a graph for network tools. Edits stay with {@link taiyi.workbench.curation.DocumentCuration}:
 * an edge names the document and the relation or suggestion behind it.
 */
package taiyi.workbench.curation.graph;
