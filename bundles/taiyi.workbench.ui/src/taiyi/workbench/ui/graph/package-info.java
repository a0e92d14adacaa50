/**
 * The Relation Graph view on GEF classic: the concepts of a document or a corpus as nodes, their
 * curated relations (solid) and open suggestions (dashed, with their score) as edges, laid out by
 * {@link taiyi.workbench.curation.graph.ForceDirectedLayout} and kept where the curator drags them.
 *
 * <p>As in GEF's Shapes example, the parts only translate requests into commands: a drag between two
 * nodes ({@link taiyi.workbench.ui.graph.RelateEditPolicy}) becomes a
 * {@link taiyi.workbench.ui.graph.RelateCommand}, an edge's delete, accept and reject
 * ({@link taiyi.workbench.ui.graph.EdgeDecisionEditPolicy}) and a dragged end become commands too.
 * Each command's execute is a decision of {@link taiyi.workbench.curation.DocumentCuration} on a
 * fresh read of its document, so every edit is a correction event in the store's log; undo and redo
 * walk that log, shared with the editor, which reloads on the store's change notice as this view does.
 * The graph itself ({@link taiyi.workbench.curation.graph.RelationGraph}), the consistency finder and
 * GraphML and SVG writing are headless, in {@code taiyi.workbench.curation.graph}.
 */
package taiyi.workbench.ui.graph;
