package taiyi.workbench.learning.learner.dictionary;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.learning.learner.DocumentPrediction;
import taiyi.workbench.learning.learner.MentionModel;
import taiyi.workbench.learning.learner.PredictedMention;
import taiyi.workbench.learning.learner.text.TextUnits;

/**
 * A trained dictionary: suggests every longest match whose best type scores at least the minimum, with
 * that score as confidence and, as runner-up, the string's second type or, when curators also left it
 * unannotated, no mention.
 */
public final class DictionaryModel implements MentionModel, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final MentionDictionary dictionary;
    private final double minScore;

    public DictionaryModel(MentionDictionary dictionary, double minScore) {
        this.dictionary = dictionary;
        this.minScore = minScore;
    }

    public MentionDictionary dictionary() {
        return dictionary;
    }

    @Override
    public String learnerId() {
        return DictionaryLearner.ID;
    }

    @Override
    public DocumentPrediction predict(Document document) {
        List<PredictedMention> mentions = new ArrayList<>();
        double smallestMargin = 1;
        for (DictionaryMatch match : dictionary.longestMatches(document.text(), this::suggestable)) {
            DictionaryEntry entry = match.entry();
            List<String> types = entry.typesByScore();
            String type = types.get(0);
            double confidence = entry.score(type);
            String runnerUp = PredictedMention.NO_MENTION;
            double runnerUpConfidence = Math.max(0, 1 - types.stream().mapToDouble(entry::score).sum());
            if (types.size() > 1 && entry.score(types.get(1)) >= runnerUpConfidence) {
                runnerUp = types.get(1);
                runnerUpConfidence = entry.score(runnerUp);
            }
            List<Normalization> concepts = entry.concepts(type).stream().map(Normalization::parse).toList();
            mentions.add(new PredictedMention(match.span().start(), match.span().end(), type, confidence, runnerUp,
                    runnerUpConfidence, concepts));
            smallestMargin = Math.min(smallestMargin, confidence - runnerUpConfidence);
        }
        return new DocumentPrediction(document.id(), mentions, TextUnits.of(document.text()).size(), 0, smallestMargin);
    }

    private boolean suggestable(DictionaryEntry entry) {
        List<String> types = entry.typesByScore();
        return !types.isEmpty() && entry.score(types.get(0)) >= minScore;
    }
}
