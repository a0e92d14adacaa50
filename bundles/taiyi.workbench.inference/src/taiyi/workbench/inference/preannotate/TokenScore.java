package taiyi.workbench.inference.preannotate;

import java.util.OptionalDouble;

import taiyi.workbench.inference.Generation;

/**
 * How sure the model was of a stretch of its answer: the mean log-probability of the tokens that
 * wrote it (the queue's uncertainty signal) and the least likely of them. An engine that reports
 * no tokens for the stretch (an HTTP back end without log-probabilities) falls back to the whole
 * answer's mean, and to 0 when it reports none at all.
 *
 * @param mean mean token log-probability
 * @param min lowest token log-probability, or NaN when unknown
 */
record TokenScore(double mean, double min) {

    static TokenScore of(Generation g, int start, int end) {
        OptionalDouble mean = g.meanLogProbability(start, end);
        if (mean.isPresent()) {
            return new TokenScore(mean.getAsDouble(), g.minLogProbability(start, end).getAsDouble());
        }
        OptionalDouble all = g.tokens().stream().mapToDouble(t -> t.logProbability()).average();
        return new TokenScore(all.orElse(0.0), Double.NaN);
    }
}
