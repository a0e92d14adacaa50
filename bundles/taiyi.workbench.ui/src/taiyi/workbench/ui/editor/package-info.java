/**
 * The annotation editor: a document's curated mentions (coloured, stacked underlines, discontinuous
 * parts linked), the model's open suggestions (dashed outlines) and relations (Draw2d arcs above the
 * lines), curated from the keyboard. {@link taiyi.workbench.ui.editor.DocumentCuration} turns each
 * decision into one correction event in the store; {@link taiyi.workbench.ui.editor.AnnotationModel}
 * keeps what is shown sorted for navigation and painting; the editor publishes the
 * {@link taiyi.workbench.ui.editor.AnnotationItem} at the caret as its selection.
 *
 * <p>Relations whose arguments are concepts rather than mentions (BC5CDR's document-level CID
 * relations) are drawn dashed, labelled "(concepts)", between the first curated mention of each
 * concept, and listed in full on every mention of those concepts in the Annotation view: the arc
 * says the relation is there, the view says which mentions it covers.
 */
package taiyi.workbench.ui.editor;
