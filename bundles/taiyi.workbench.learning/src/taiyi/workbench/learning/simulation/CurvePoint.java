package taiyi.workbench.learning.simulation;

/**
 * The learner's score after one step of a simulated run.
 *
 * @param step 1 for the first batch
 * @param documents documents revealed so far
 * @param tokens their tokens
 * @param f1 strict mention micro-F1 on the held-out documents
 */
public record CurvePoint(int step, int documents, long tokens, double f1) {
}
