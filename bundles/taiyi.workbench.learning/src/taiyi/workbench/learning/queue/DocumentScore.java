package taiyi.workbench.learning.queue;

import java.util.List;
import java.util.Objects;

/**
 * What a scoring strategy says of one candidate.
 *
 * @param score higher is curated sooner
 * @param reason why, for the curator
 * @param suggestions the candidate's suggestions in the order the editor should visit them
 */
record DocumentScore(double score, String reason, List<UncertainSuggestion> suggestions) {

    DocumentScore {
        Objects.requireNonNull(reason, "reason");
        suggestions = List.copyOf(suggestions);
    }
}
