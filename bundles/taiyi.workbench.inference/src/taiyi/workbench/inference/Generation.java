package taiyi.workbench.inference;

import java.util.List;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a model answered to one prompt: the text (stop token excluded), the tokens that made it
 * with their log-probabilities, and why it stopped.
 */
public record Generation(String text, List<GeneratedToken> tokens, StopReason stopReason) {

    public enum StopReason {
        /** a stop token of the prompt was generated */
        STOP_TOKEN,
        /** the new-token limit was reached: the answer may be truncated */
        MAX_TOKENS,
        /** the caller cancelled; the text is what was generated until then */
        CANCELLED
    }

    public Generation {
        Objects.requireNonNull(text, "text");
        tokens = List.copyOf(tokens);
        Objects.requireNonNull(stopReason, "stopReason");
    }

    /**
     * Mean log-probability of the tokens that produced chars {@code [start, end)} of the text
     * (a token counts if its chars overlap the range); empty when no token did.
     */
    public OptionalDouble meanLogProbability(int start, int end) {
        return tokensIn(start, end).average();
    }

    /** Minimum log-probability of the tokens that produced chars {@code [start, end)}. */
    public OptionalDouble minLogProbability(int start, int end) {
        return tokensIn(start, end).min();
    }

    /**
     * Among the tokens that produced chars {@code [start, end)} and carry a runner-up, the one with
     * the smallest margin: where the model was closest to writing something else. Empty when the
     * engine reports no runner-up.
     */
    public Optional<GeneratedToken> mostHesitantToken(int start, int end) {
        return tokenStream(start, end).filter(GeneratedToken::hasRunnerUp)
                .min(Comparator.comparingDouble(t -> t.margin().getAsDouble()));
    }

    private java.util.stream.DoubleStream tokensIn(int start, int end) {
        return tokenStream(start, end).mapToDouble(GeneratedToken::logProbability);
    }

    private java.util.stream.Stream<GeneratedToken> tokenStream(int start, int end) {
        return tokens.stream().filter(t -> t.end() > t.start() ? t.start() < end && t.end() > start
                : t.start() >= start && t.start() < end);
    }
}
