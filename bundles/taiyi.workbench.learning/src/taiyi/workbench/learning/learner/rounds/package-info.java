/**
 * Learners over time: trained models kept by round in an owner-only folder beside the corpus
 * database, the model each learner currently suggests with (replaced only when a newer one is
 * ready), retraining as a cancellable run with progress, and writing a model's predictions into the
 * suggestion layer with their provenance (learner id and round) and scores.
 */
package taiyi.workbench.learning.learner.rounds;
