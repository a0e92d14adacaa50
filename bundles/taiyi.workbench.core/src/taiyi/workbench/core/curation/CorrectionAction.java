package taiyi.workbench.core.curation;

/** What a curator (or an import) did. */
public enum CorrectionAction {
    /** The document's annotations as a file brought them: the start of every log. */
    IMPORT,
    /** A suggestion taken into the curated layer. */
    ACCEPT,
    /** A suggestion turned down; the curated layer is unchanged. */
    REJECT,
    /** A curated annotation changed (old → new). */
    MODIFY,
    /** A curated annotation made by hand. */
    CREATE,
    /** A curated annotation removed. */
    DELETE,
    /** A suggestion or document passed over without a decision. */
    SKIP,
    /** The document declared finished. */
    MARK_DONE,
    /** The latest effective edit of the document taken back. */
    UNDO,
    /** The latest undone edit of the document made again. */
    REDO;

    /** Whether the action changes the curated annotations (and so can be undone and redone). */
    public boolean changesAnnotations() {
        return this == ACCEPT || this == MODIFY || this == CREATE || this == DELETE;
    }

    /** Whether undo can take this action back. */
    public boolean isUndoable() {
        return this != IMPORT && this != UNDO && this != REDO;
    }
}
