package taiyi.workbench.inference.preannotate;

import java.util.Optional;
import java.util.OptionalDouble;

import taiyi.workbench.inference.GeneratedToken;
import taiyi.workbench.inference.Generation;

/**
 * How sure the model was of a stretch of its answer: the mean log-probability of the tokens that
 * wrote it (the queue's uncertainty signal) and the least likely of them. An engine that reports
 * no tokens for the stretch (an HTTP back end without log-probabilities) falls back to the whole
 * answer's mean, and to 0 when it reports none at all.
 *
 * Where the engine reports each token's runner-up, the stretch's most hesitant token also gives the
 * margin (its probability minus the runner-up's) and the runner-up's probability: the queue's margin.
 *
 * @param mean mean token log-probability
 * @param min lowest token log-probability, or NaN when unknown
 * @param margin smallest best-minus-runner-up probability among the stretch's tokens, or NaN when unknown
 * @param runnerUp the runner-up's probability at that token, or NaN when unknown
 * @param known false when the engine reported no log-probability at all, so {@code mean} is a stand-in
 */
record TokenScore(double mean, double min, double margin, double runnerUp, boolean known) {

    static TokenScore of(Generation g, int start, int end) {
        OptionalDouble mean = g.meanLogProbability(start, end);
        if (mean.isPresent()) {
            double margin = Double.NaN;
            double runnerUp = Double.NaN;
            Optional<GeneratedToken> hesitant = g.mostHesitantToken(start, end);
            if (hesitant.isPresent()) {
                margin = hesitant.get().margin().getAsDouble();
                runnerUp = Math.exp(hesitant.get().runnerUpLogProbability());
            }
            return new TokenScore(mean.getAsDouble(), g.minLogProbability(start, end).getAsDouble(), margin, runnerUp, true);
        }
        OptionalDouble all = g.tokens().stream().mapToDouble(t -> t.logProbability()).average();
        // no token at all (an endpoint without log-probabilities) gives no score: 0 stands in, marked unknown
        return new TokenScore(all.orElse(0.0), Double.NaN, Double.NaN, Double.NaN, all.isPresent() || g.text().isEmpty());
    }
}
