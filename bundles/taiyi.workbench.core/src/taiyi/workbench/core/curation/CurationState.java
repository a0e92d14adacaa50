package taiyi.workbench.core.curation;

/** Where a document stands in curation. */
public enum CurationState {
    /** No curator has touched it since import. */
    NEW,
    /** A curator has made decisions on it. */
    IN_PROGRESS,
    /** A curator declared it finished (and has not changed it since). */
    DONE
}
