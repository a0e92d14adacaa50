package taiyi.workbench.learning.queue;

import java.util.List;

import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.DecisionTime;

/**
 * What one curator decision costs, measured from the correction log: the mean
 * {@link CorrectionEvent#durationMs()} of the decisions that recorded one (accept, reject, modify,
 * create, delete: {@link DecisionTime#ofAnnotationDecisions}). A document is expected to take one
 * decision per suggestion plus one to mark it done, which is what Chen et al. (2017) found uncertainty sampling ignores: informative documents
 * take longer.
 *
 * @param secondsPerDecision mean seconds of a decision
 * @param measuredDecisions how many logged decisions the mean is taken over (0: the default)
 */
public record DecisionCost(double secondsPerDecision, int measuredDecisions) {

    /** Before anything is logged: a few seconds a decision, the order of a keyboard accept or reject. */
    public static final DecisionCost DEFAULT = new DecisionCost(3.0, 0);

    public DecisionCost {
        if (!(secondsPerDecision > 0)) {
            throw new IllegalArgumentException("a decision must cost a positive time, not " + secondsPerDecision + " s");
        }
        if (measuredDecisions < 0) {
            throw new IllegalArgumentException("measuredDecisions is negative: " + measuredDecisions);
        }
    }

    /** The mean duration of the timed decisions among the events; {@link #DEFAULT} when none was timed. */
    public static DecisionCost of(List<CorrectionEvent> events) {
        DecisionTime time = DecisionTime.ofAnnotationDecisions(events);
        int n = time.timedDecisions();
        return n == 0 ? DEFAULT : new DecisionCost(time.millis() / 1000.0 / n, n);
    }

    /** Expected seconds to curate a document with this many suggestions (one decision each, one to finish). */
    public double expectedSeconds(int suggestions) {
        return secondsPerDecision * (suggestions + 1);
    }
}
