/**
 * The annotation editor's commands: one small handler per curation step (label, accept, reject,
 * skip, delete, navigate, accept-all, relation head/tail, undo/redo), bound to keys in the
 * annotation context in plugin.xml so curators can rebind them. Handlers only translate a command
 * into a call on the active {@link taiyi.workbench.ui.editor.DocumentEditor}, naming where in the UI
 * the decision came from for the correction log. Accept, reject and skip act on a relation
 * suggestion too when one is at the caret; accept-all by score includes relation suggestions, and
 * accept-all of a type takes the relation suggestions of that type when it names a relation type.
 */
package taiyi.workbench.ui.curation;
