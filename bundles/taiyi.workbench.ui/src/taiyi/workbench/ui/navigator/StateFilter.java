package taiyi.workbench.ui.navigator;

import java.util.Optional;

import taiyi.workbench.core.curation.CurationState;

/** The navigator's choice of documents by curation state. */
public enum StateFilter {
    ALL("All documents", null),
    NEW("Unreviewed", CurationState.NEW),
    IN_PROGRESS("In progress", CurationState.IN_PROGRESS),
    DONE("Done", CurationState.DONE);

    private final String label;
    private final CurationState state;

    StateFilter(String label, CurationState state) {
        this.label = label;
        this.state = state;
    }

    public String label() {
        return label;
    }

    /** The state shown; empty for all. */
    public Optional<CurationState> state() {
        return Optional.ofNullable(state);
    }

    public boolean accepts(CurationState s) {
        return state == null || state == s;
    }
}
