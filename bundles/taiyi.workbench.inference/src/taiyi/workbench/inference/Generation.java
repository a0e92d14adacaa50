package taiyi.workbench.inference;

import java.util.List;
import java.util.Objects;
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

    private java.util.stream.DoubleStream tokensIn(int start, int end) {
        return tokens.stream().filter(t -> t.end() > t.start() ? t.start() < end && t.end() > start
                : t.start() >= start && t.start() < end).mapToDouble(GeneratedToken::logProbability);
    }
}
