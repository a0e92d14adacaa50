package taiyi.workbench.inference.parse;

import java.util.Objects;

/**
 * A document label read from an answer.
 *
 * @param label the schema's label name
 * @param start first char of the label as written in the answer
 * @param end char after it
 */
public record ParsedLabel(String label, int start, int end) {

    public ParsedLabel {
        Objects.requireNonNull(label, "label");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("label '" + label + "' at [" + start + ", " + end + ")");
        }
    }
}
