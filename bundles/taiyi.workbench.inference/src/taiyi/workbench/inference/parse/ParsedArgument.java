package taiyi.workbench.inference.parse;

import java.util.Objects;

/**
 * One argument of a relation read from an answer.
 *
 * @param text the argument string as written
 * @param start first char of it in the answer
 * @param end char after it
 */
public record ParsedArgument(String text, int start, int end) {

    public ParsedArgument {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("argument '" + text + "' at [" + start + ", " + end + ")");
        }
    }
}
