/**
 * The Annotation view: the properties of the mention, suggestion, relation or relation suggestion
 * at the document editor's caret (type, spans and text, concepts, layer, the model's provenance and
 * score; for a relation suggestion its arguments' texts and whether each is still a suggestion or
 * the curated mention it became) and the correction events that made it what it is, read from the
 * store's log. With nothing at the caret it lists the document labels the model suggested (text
 * classification) with their scores — read-only, since the correction log has no label events yet.
 */
package taiyi.workbench.ui.properties;
