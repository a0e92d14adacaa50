package taiyi.workbench.learning.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import taiyi.workbench.learning.learner.DocumentPrediction;

/**
 * What one source predicted for a document.
 *
 * @param source the source: a learner's id, or the model id of a pre-annotation (Taiyi)
 * @param prediction its mentions with confidences and runners-up, and its document-level figures
 * @param suggestionIds the stored suggestion id of each mention, in the prediction's order, so the
 *     editor can open at one; empty for in-memory predictions
 */
public record SourcePrediction(String source, DocumentPrediction prediction, List<String> suggestionIds) {

    public SourcePrediction {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(prediction, "prediction");
        suggestionIds = List.copyOf(suggestionIds);
        if (!suggestionIds.isEmpty() && suggestionIds.size() != prediction.mentions().size()) {
            throw new IllegalArgumentException(source + ": " + suggestionIds.size() + " suggestion ids for "
                    + prediction.mentions().size() + " mentions of document " + prediction.documentId());
        }
    }

    /** A prediction held in memory only, its mentions not stored as suggestions. */
    public static SourcePrediction inMemory(String source, DocumentPrediction prediction) {
        return new SourcePrediction(source, prediction, List.of());
    }

    /** The mentions as suggestions of this source, in the prediction's order. */
    public List<UncertainSuggestion> suggestions() {
        List<UncertainSuggestion> out = new ArrayList<>();
        for (int i = 0; i < prediction.mentions().size(); i++) {
            out.add(new UncertainSuggestion(suggestionIds.isEmpty() ? "" : suggestionIds.get(i), source,
                    prediction.mentions().get(i)));
        }
        return out;
    }
}
