package taiyi.workbench.curation.graph;

/** Whether an edge is a relation of the curated layer or an open suggestion of the model. */
public enum EdgeStatus {
    CURATED,
    SUGGESTED
}
