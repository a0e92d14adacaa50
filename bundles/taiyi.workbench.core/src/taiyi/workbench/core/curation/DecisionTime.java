package taiyi.workbench.core.curation;

import java.util.function.Predicate;

/**
 * The time curators spent on a correction log, added up in one place for every reader of it (the
 * queue's cost per decision, the learning record's curation hours, {@code taiyi stats}' curators):
 * every event counts but the import, which is the file's work, not a curator's.
 *
 * @param decisions the events a curator made
 * @param timedDecisions those of them that recorded a duration (the CLI and an import record none)
 * @param millis their durations added up
 */
public record DecisionTime(int decisions, int timedDecisions, long millis) {

    /** No event yet. */
    public static final DecisionTime NONE = new DecisionTime(0, 0, 0);

    public DecisionTime {
        if (decisions < 0 || timedDecisions < 0 || timedDecisions > decisions || millis < 0) {
            throw new IllegalArgumentException("not a decision time: " + decisions + " decisions, " + timedDecisions + " timed, "
                    + millis + " ms");
        }
    }

    /** The time of a log, or of any events of one or more logs. */
    public static DecisionTime of(Iterable<CorrectionEvent> events) {
        return of(events, DecisionTime::counts);
    }

    /**
     * The time of the events that decide an annotation (accept, reject, modify, create, delete), the
     * unit of a curator's work on a document; skipping, marking done and undo are left out (a mark-done
     * times the pause since the last decision, in the CLI the command's few milliseconds).
     */
    public static DecisionTime ofAnnotationDecisions(Iterable<CorrectionEvent> events) {
        return of(events, a -> a.changesAnnotations() || a == CorrectionAction.REJECT);
    }

    private static DecisionTime of(Iterable<CorrectionEvent> events, Predicate<CorrectionAction> which) {
        DecisionTime time = NONE;
        for (CorrectionEvent e : events) {
            if (which.test(e.action())) {
                time = time.plus(e.action(), e.durationMs());
            }
        }
        return time;
    }

    /** Whether an event of this kind is a curator's and its duration curation time. */
    public static boolean counts(CorrectionAction action) {
        return action != CorrectionAction.IMPORT;
    }

    /** This time and one more event's (for readers that have the action and duration without the event). */
    public DecisionTime plus(CorrectionAction action, long durationMs) {
        if (!counts(action)) {
            return this;
        }
        if (durationMs < 0) {
            throw new IllegalArgumentException("a decision cannot take " + durationMs + " ms");
        }
        return new DecisionTime(decisions + 1, durationMs > 0 ? timedDecisions + 1 : timedDecisions, millis + durationMs);
    }
}
