package taiyi.workbench.learning.learner.dictionary;

import java.util.List;
import java.util.concurrent.CancellationException;

import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.learning.learner.MentionLearner;
import taiyi.workbench.learning.learner.MentionModel;
import taiyi.workbench.learning.learner.TrainingProgress;

/**
 * Learns a {@link MentionDictionary} from the curated layer: no model, no download, useful from the
 * first curated document on.
 */
public final class DictionaryLearner implements MentionLearner {

    /** The learner's id, stored as the source of its suggestions. */
    public static final String ID = "dictionary";

    /** The score below which a string is not suggested: curators left it unannotated more often than not. */
    public static final double DEFAULT_MIN_SCORE = 0.5;

    private final double minScore;

    public DictionaryLearner() {
        this(DEFAULT_MIN_SCORE);
    }

    /** A learner whose models suggest only strings scored at least {@code minScore} for their best type. */
    public DictionaryLearner(double minScore) {
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("minimum dictionary score must lie in [0, 1], not " + minScore);
        }
        this.minScore = minScore;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public MentionModel train(List<CuratedDocument> curated, LabelSchema schema, TrainingProgress progress) {
        if (progress.isCancelled()) {
            throw new CancellationException("dictionary training cancelled");
        }
        MentionDictionary dictionary = MentionDictionary.of(curated.stream().map(CuratedDocument::document).toList());
        progress.worked(1, 1);
        return new DictionaryModel(dictionary, minScore);
    }
}
