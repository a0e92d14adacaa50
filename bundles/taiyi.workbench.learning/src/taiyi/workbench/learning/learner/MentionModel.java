package taiyi.workbench.learning.learner;

import java.util.ArrayList;
import java.util.List;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;

/** A trained learner: predicts a document's mentions, each with a confidence and a runner-up. */
public interface MentionModel {

    /** The learner that trained it ({@link MentionLearner#id()}). */
    String learnerId();

    /** Predicts the mentions of a document's text; safe to call from several threads. */
    DocumentPrediction predict(Document document);

    /**
     * The mentions {@link #predict} would give, as entity mentions (ids {@code m0}, {@code m1}, ...),
     * for scoring: a model may skip computing the confidences and document figures only the queue
     * needs (the tagger's forward-backward). Safe to call from several threads.
     */
    default List<EntityMention> labelledMentions(Document document) {
        List<EntityMention> out = new ArrayList<>();
        for (PredictedMention m : predict(document).mentions()) {
            out.add(EntityMention.of("m" + out.size(), m.type(), m.start(), m.end(), List.of()));
        }
        return out;
    }
}
