package taiyi.workbench.learning.learner;

import taiyi.workbench.core.model.Document;

/** A trained learner: predicts a document's mentions, each with a confidence and a runner-up. */
public interface MentionModel {

    /** The learner that trained it ({@link MentionLearner#id()}). */
    String learnerId();

    /** Predicts the mentions of a document's text; safe to call from several threads. */
    DocumentPrediction predict(Document document);
}
