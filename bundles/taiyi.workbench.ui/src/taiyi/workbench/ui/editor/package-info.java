/**
 * The annotation editor: a document's curated mentions (coloured, stacked underlines, discontinuous
 * parts linked), the model's open suggestions (dashed outlines) and relations (Draw2d arcs above the
 * lines), curated from the keyboard. {@link taiyi.workbench.ui.editor.DocumentCuration} turns each
 * decision into one correction event in the store; {@link taiyi.workbench.ui.editor.AnnotationModel}
 * keeps what is shown sorted for navigation and painting; the editor publishes the
 * {@link taiyi.workbench.ui.editor.AnnotationItem} at the caret as its selection.
 */
package taiyi.workbench.ui.editor;
