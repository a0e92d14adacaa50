/**
 * The curation rules and the questions asked of a document's two layers, headless, so the editor,
 * the CLI ({@code taiyi curate}) and later the queue, evaluator and exporter share one answer.
 *
 * <p>{@link taiyi.workbench.curation.AnnotationModel} holds a document's curated layer (the fold of
 * its log) and its suggestions with the decision in force on each: which suggestions are open (by
 * {@link taiyi.workbench.core.curation.SuggestionStatus}, the one definition), and what a relation's
 * argument stands for, including BC5CDR's concept-level CID arguments, which name a MeSH concept
 * rather than a mention. {@link taiyi.workbench.curation.DocumentCuration} turns each decision into
 * correction events in the store after checking the rules: a labelled span is trimmed of blanks; a
 * relation whose argument was rejected is refused; a mention a relation uses cannot be deleted; a
 * relation needs two different mentions; bulk decisions ({@link taiyi.workbench.curation.SuggestionFilter},
 * {@link taiyi.workbench.curation.BulkDecision}) go in one transaction, each decision its own event,
 * and report what they refused.
 */
package taiyi.workbench.curation;
