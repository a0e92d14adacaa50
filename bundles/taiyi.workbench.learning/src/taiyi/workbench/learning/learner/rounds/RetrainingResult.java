package taiyi.workbench.learning.learner.rounds;

/**
 * What one learner's retraining did.
 *
 * @param learnerId the learner
 * @param round the round the new model was saved as
 * @param trainingDocuments curated documents it learnt from
 * @param trainingSeconds how long training took
 * @param suggestedDocuments documents it predicted
 * @param suggestions suggestions it wrote
 */
public record RetrainingResult(String learnerId, int round, int trainingDocuments, double trainingSeconds,
        int suggestedDocuments, int suggestions) {
}
