package taiyi.workbench.learning.queue;

import java.util.Objects;

import taiyi.workbench.learning.learner.PredictedMention;

/**
 * One suggestion of a ranked document, as the queue shows it: where the editor should open.
 *
 * @param suggestionId the stored suggestion's id, or empty for an in-memory prediction
 * @param source which source suggested it
 * @param mention the span, type, confidence and runner-up
 */
public record UncertainSuggestion(String suggestionId, String source, PredictedMention mention) {

    public UncertainSuggestion {
        Objects.requireNonNull(suggestionId, "suggestionId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mention, "mention");
    }

    /** Best minus runner-up: small when the source hesitates. */
    public double margin() {
        return mention.margin();
    }
}
