package taiyi.workbench.learning.learner;

import java.util.List;

import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.learning.CuratedDocument;

/** A way of learning entity mentions from curated documents (a dictionary, a sequence tagger). */
public interface MentionLearner {

    /** A stable identifier, stored as the source of every suggestion its models make. */
    String id();

    /**
     * Trains a model from the curated layers of the given documents.
     *
     * @throws java.util.concurrent.CancellationException when the progress reports cancellation
     */
    MentionModel train(List<CuratedDocument> curated, LabelSchema schema, TrainingProgress progress);
}
