package taiyi.workbench.ui.navigator;

import java.util.Optional;

import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.ui.l10n.Messages;

/** The navigator's choice of documents by curation state. */
public enum StateFilter {
    ALL(null),
    NEW(CurationState.NEW),
    IN_PROGRESS(CurationState.IN_PROGRESS),
    DONE(CurationState.DONE);

    private final CurationState state;

    StateFilter(CurationState state) {
        this.state = state;
    }

    /** The filter's menu label in the UI language. */
    public String label() {
        return switch (this) {
            case ALL -> Messages.StateFilter_all;
            case NEW -> Messages.StateFilter_new;
            case IN_PROGRESS -> Messages.StateFilter_inProgress;
            case DONE -> Messages.StateFilter_done;
        };
    }

    /** The state shown; empty for all. */
    public Optional<CurationState> state() {
        return Optional.ofNullable(state);
    }

    public boolean accepts(CurationState s) {
        return state == null || state == s;
    }
}
