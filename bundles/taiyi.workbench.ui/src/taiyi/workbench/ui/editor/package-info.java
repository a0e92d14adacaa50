/**
 * The document editor: a document's text with its entity mentions coloured by type, and a Draw2d
 * legend of the types. Read-only for now; curation actions arrive with the curation issue.
 */
package taiyi.workbench.ui.editor;
