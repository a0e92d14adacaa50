package taiyi.workbench.learning.learner.rounds;

/**
 * Says when a corpus has seen enough new decisions to retrain: every {@code n} decisions of its
 * correction log ({@code CorrectionStore.decisionCount}) since the last retraining began, the count
 * first seen being the starting point.
 */
public final class DecisionTrigger {

    private final int every;
    private long since = -1;

    /** A trigger every {@code every} decisions; 0 never fires (retraining on demand only). */
    public DecisionTrigger(int every) {
        if (every < 0) {
            throw new IllegalArgumentException("retraining every " + every + " decisions makes no sense");
        }
        this.every = every;
    }

    /** Whether the log's decision count now calls for a retraining; if so, counting starts again from it. */
    public synchronized boolean due(long decisions) {
        if (since < 0 || decisions < since) {
            since = decisions;
            return false;
        }
        if (every == 0 || decisions - since < every) {
            return false;
        }
        since = decisions;
        return true;
    }

    /** Counting starts again from here (a retraining on demand began). */
    public synchronized void restartAt(long decisions) {
        since = decisions;
    }
}
