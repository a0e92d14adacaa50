package taiyi.workbench.learning.queue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.inference.ScoreAttributes;
import taiyi.workbench.learning.learner.DocumentPrediction;
import taiyi.workbench.learning.learner.PredictedMention;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.DocumentSummary;

/**
 * Reads a queue pool from the store: the documents not yet done, each with its open suggestions
 * grouped by source (the provenance's model id: Taiyi's model, or a learner's id), the done
 * documents as curated, and the decision cost from the whole corpus's log.
 *
 * <p>A stored score is read as a probability when positive (a learner's confidence) and as a
 * log-probability otherwise (Taiyi's mean token log-probability), which agree at certainty (1 and
 * 0). The runner-up comes from the attributes {@link ScoreAttributes#MARGIN} and
 * {@link ScoreAttributes#RUNNER_UP} where the source stored them: the mention's confidence is then
 * the best token's probability where the model hesitated most, and the runner-up, unless the source
 * named it ({@link ScoreAttributes#RUNNER_UP_LABEL}), {@value #ANOTHER_TOKEN}. Without them the runner-up is
 * unknown ({@value #UNKNOWN_RUNNER_UP}, probability 0) and the margin is the confidence itself. A suggestion
 * whose score is marked unknown ({@link ScoreAttributes#UNKNOWN}: a server answered without
 * log-probabilities) has confidence 0, so that its document comes first rather than looking certain.
 */
public final class StoredQueuePool {

    /** The runner-up of a suggestion whose source did not say what it would have said instead. */
    public static final String UNKNOWN_RUNNER_UP = "?";
    /** The runner-up of a generated mention: another token where the model hesitated most. */
    public static final String ANOTHER_TOKEN = "another token";

    private StoredQueuePool() {
    }

    /**
     * @throws taiyi.workbench.store.StoreException when the corpus does not exist
     */
    public static QueuePool read(CorpusStore store, String corpus) {
        Map<String, CurationState> states = new LinkedHashMap<>();
        for (DocumentSummary s : store.documents().summaries(corpus)) {
            states.put(s.id(), s.state());
        }
        List<QueueCandidate> candidates = new ArrayList<>();
        List<Document> curated = new ArrayList<>();
        List<CorrectionEvent> allEvents = new ArrayList<>();
        for (Document d : store.documents().allDocuments(corpus)) {
            List<CorrectionEvent> events = store.log().events(corpus, d.id());
            allEvents.addAll(events);
            if (states.getOrDefault(d.id(), CurationState.NEW) == CurationState.DONE) {
                curated.add(d);
                continue;
            }
            CurationFold fold = CurationFold.of(events);
            List<Suggestion> open = store.suggestions().suggestions(corpus, d.id()).stream()
                    .filter(s -> fold.isOpen(s.id())).toList();
            candidates.add(new QueueCandidate(d.id(), d.text(), bySource(d.id(), open)));
        }
        return new QueuePool(candidates, curated, DecisionCost.of(allEvents));
    }

    /** Stored suggestions as one prediction per source, in the order the sources first appear. */
    public static List<SourcePrediction> bySource(String documentId, List<Suggestion> suggestions) {
        Map<String, List<Suggestion>> grouped = new LinkedHashMap<>();
        for (Suggestion s : suggestions) {
            grouped.computeIfAbsent(s.provenance().modelId(), k -> new ArrayList<>()).add(s);
        }
        List<SourcePrediction> out = new ArrayList<>();
        grouped.forEach((source, list) -> {
            List<PredictedMention> mentions = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Suggestion s : list) {
                mentions.add(predicted(s));
                ids.add(s.id());
            }
            // stored suggestions carry no sequence probability and no margins of unannotated units
            out.add(new SourcePrediction(source, new DocumentPrediction(documentId, mentions, 0, 0, 1), ids));
        });
        return out;
    }

    /** A stored suggestion as the queue sees it: confidence and runner-up (see the class comment). */
    public static PredictedMention predicted(Suggestion s) {
        Map<String, String> attributes = s.mention().attributes();
        if (Boolean.parseBoolean(attributes.get(ScoreAttributes.UNKNOWN))) {
            // a server that gave no log-probabilities: nothing is known, so the curator should look first
            return new PredictedMention(s.mention().start(), s.mention().end(), s.mention().type(), 0, UNKNOWN_RUNNER_UP, 0);
        }
        double confidence = s.score() > 0 ? Math.min(1, s.score()) : Math.exp(s.score());
        double runnerUp = 0;
        Double margin = number(attributes.get(ScoreAttributes.MARGIN));
        String runnerUpLabel = attributes.getOrDefault(ScoreAttributes.RUNNER_UP_LABEL,
                margin != null ? ANOTHER_TOKEN : UNKNOWN_RUNNER_UP);
        Double second = number(attributes.get(ScoreAttributes.RUNNER_UP));
        if (margin != null && second != null) {
            runnerUp = clamp(second);
            confidence = clamp(runnerUp + margin);
        } else if (second != null) {
            runnerUp = clamp(second);
        }
        return new PredictedMention(s.mention().start(), s.mention().end(), s.mention().type(), confidence, runnerUpLabel,
                runnerUp);
    }

    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
