package taiyi.workbench.learning.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.learning.learner.DocumentPrediction;
import taiyi.workbench.learning.learner.text.TextUnits;

/**
 * A document still to curate, with what each source (Taiyi, a learner) predicted for it.
 *
 * @param documentId the document's id
 * @param text the document's text (diversity compares texts)
 * @param sources one prediction per source, possibly none (nothing pre-annotated it yet)
 */
public record QueueCandidate(String documentId, String text, List<SourcePrediction> sources) {

    public QueueCandidate {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(text, "text");
        sources = List.copyOf(sources);
    }

    /** A document with the in-memory predictions of models (a simulation's learners), named by their learner ids. */
    public static QueueCandidate of(Document document, List<SourcePrediction> sources) {
        return new QueueCandidate(document.id(), document.text(), sources);
    }

    /** A document with one model's in-memory prediction. */
    public static QueueCandidate of(Document document, String source, DocumentPrediction prediction) {
        return of(document, List.of(SourcePrediction.inMemory(source, prediction)));
    }

    /** Every source's suggestions, the most uncertain (smallest margin) first, then by position. */
    public List<UncertainSuggestion> suggestionsByUncertainty() {
        List<UncertainSuggestion> out = new ArrayList<>();
        for (SourcePrediction s : sources) {
            out.addAll(s.suggestions());
        }
        out.sort(Comparator.comparingDouble(UncertainSuggestion::margin).thenComparingInt(u -> u.mention().start())
                .thenComparing(UncertainSuggestion::source));
        return out;
    }

    /** How many units the document has for the queue's length-aware figures: the sources' count, else its words. */
    public int tokens() {
        int most = 0;
        for (SourcePrediction s : sources) {
            most = Math.max(most, s.prediction().tokens());
        }
        return most > 0 ? most : TextUnits.of(text).size();
    }
}
