package taiyi.workbench.learning.learner.rounds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.inference.ScoreAttributes;
import taiyi.workbench.learning.learner.DocumentPrediction;
import taiyi.workbench.learning.learner.MentionModel;
import taiyi.workbench.learning.learner.PredictedMention;
import taiyi.workbench.store.CorpusStore;

/**
 * Writes a model's predictions into the suggestion layer: provenance (model id = the learner's id,
 * round = the model's round), score = the mention's confidence, and the runner-up with its
 * probability and the margin in the {@link ScoreAttributes} the curation queue reads back. The
 * learner's undecided suggestions of earlier rounds are removed first (a new round replaces them; what
 * a curator decided on stays). A document that already holds this learner's suggestions for this
 * round is left alone, so a run that was interrupted can be repeated.
 */
public final class SuggestionWriter {

    private final CorpusStore store;
    private final String corpus;

    public SuggestionWriter(CorpusStore store, String corpus) {
        this.store = store;
        this.corpus = corpus;
    }

    /** The provenance of a learner's suggestions of one round. */
    public static Provenance provenance(String learnerId, int round) {
        return new Provenance(learnerId, "", "", round);
    }

    /**
     * Predicts each document and stores the suggestions, one transaction per document.
     *
     * @return how many suggestions were written
     */
    public int write(MentionModel model, int round, List<Document> documents, Runnable afterEachDocument) {
        Provenance provenance = provenance(model.learnerId(), round);
        int written = 0;
        for (Document d : documents) {
            if (!store.suggestions().hasSuggestionsFrom(corpus, d.id(), model.learnerId(), "", round)) {
                store.suggestions().removeUndecidedBefore(corpus, d.id(), model.learnerId(), round);
                List<Suggestion> suggestions = suggestions(model.predict(d), provenance);
                if (!suggestions.isEmpty()) {
                    store.suggestions().addSuggestions(corpus, d.id(), suggestions);
                    written += suggestions.size();
                }
            }
            afterEachDocument.run();
        }
        return written;
    }

    /** A prediction as suggestions with this provenance; ids name the learner and round ({@code tagger-r3-7}). */
    public static List<Suggestion> suggestions(DocumentPrediction prediction, Provenance provenance) {
        List<Suggestion> out = new ArrayList<>();
        int n = 0;
        for (PredictedMention p : prediction.mentions()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(ScoreAttributes.MARGIN, number(p.margin()));
            attributes.put(ScoreAttributes.RUNNER_UP, number(p.runnerUpConfidence()));
            attributes.put(ScoreAttributes.RUNNER_UP_LABEL, p.runnerUp());
            String id = provenance.modelId() + "-r" + provenance.round() + "-" + n++;
            EntityMention m = new EntityMention(id, p.type(), List.of(new Span(p.start(), p.end())), p.concepts(), attributes);
            out.add(new Suggestion(m, provenance, p.confidence()));
        }
        return out;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
