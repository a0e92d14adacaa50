/**
 * The annotation editor: a document's curated mentions (coloured, stacked underlines, discontinuous
 * parts linked), the model's open suggestions (dashed outlines) and relations (Draw2d arcs above the
 * lines), curated from the keyboard. {@link taiyi.workbench.curation.DocumentCuration} turns each
 * decision into one correction event in the store; {@link taiyi.workbench.curation.AnnotationModel}
 * keeps what is shown sorted for navigation and painting; the editor publishes the
 * {@link taiyi.workbench.ui.editor.AnnotationItem} at the caret as its selection.
 *
 * <p>Relations whose arguments are concepts rather than mentions (BC5CDR's document-level CID
 * relations) are drawn dashed, labelled "(concepts)", between the first curated mention of each
 * concept, and listed in full on every mention of those concepts in the Annotation view: the arc
 * says the relation is there, the view says which mentions it covers.
 *
 * <p>The model's relation suggestions are dashed arcs in the relation type's colour, labelled with
 * the type and score, between their argument suggestions — or, once an argument suggestion is
 * accepted, the curated mention its ACCEPT event created. Decided ones are not drawn; an accepted
 * one is an ordinary curated arc. Accepting one accepts its open argument suggestions first, each as
 * its own event (so Ctrl+Z takes back relation and arguments one at a time); a rejected argument
 * refuses the accept with the reason and writes nothing. A/R/S walk the {@link
 * taiyi.workbench.ui.editor.SuggestionCycle}: mention suggestions by position, then relation
 * suggestions. The document labels the model suggested (text classification) are a read-only line in
 * the legend band: the correction log has no label events yet, so they cannot be decided here.
 */
package taiyi.workbench.ui.editor;
