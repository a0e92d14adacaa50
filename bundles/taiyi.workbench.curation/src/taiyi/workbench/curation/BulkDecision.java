package taiyi.workbench.curation;

import java.util.List;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;

/**
 * What one bulk decision on a document did: the events it recorded (in one store transaction) and
 * the suggestions it chose but could not decide, each with the reason.
 *
 * @param recorded the events as stored, in order; argument suggestions accepted along with a relation included
 * @param refused the chosen suggestions the rules turned down
 */
public record BulkDecision(List<CorrectionEvent> recorded, List<Refusal> refused) {

    public BulkDecision {
        recorded = List.copyOf(recorded);
        refused = List.copyOf(refused);
    }

    /**
     * A suggestion the rules would not let the decision take.
     *
     * @param suggestionId the suggestion
     * @param reason why, in words that name it
     */
    public record Refusal(String suggestionId, String reason) {
    }

    /** How many of the recorded events are of this action. */
    public int count(CorrectionAction action) {
        return (int) recorded.stream().filter(e -> e.action() == action).count();
    }
}
