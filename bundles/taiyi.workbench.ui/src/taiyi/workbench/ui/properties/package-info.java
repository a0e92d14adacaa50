/**
 * The Annotation view: the properties of the mention, suggestion or relation at the document
 * editor's caret (type, spans and text, concepts, layer, the model's provenance and score) and the
 * correction events that made it what it is, read from the store's log.
 */
package taiyi.workbench.ui.properties;
