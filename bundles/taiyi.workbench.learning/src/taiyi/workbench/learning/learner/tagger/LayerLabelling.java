package taiyi.workbench.learning.learner.tagger;

import java.util.List;

/**
 * One layer's answer for one text.
 *
 * @param labels the layer's labels, {@code O} first
 * @param best the most likely label of every unit (Viterbi)
 * @param marginals per unit, the probability of each label (forward-backward), rows summing to 1
 * @param bestLogProbability log P of the best labelling as a whole
 */
record LayerLabelling(List<String> labels, String[] best, double[][] marginals, double bestLogProbability) {
}
