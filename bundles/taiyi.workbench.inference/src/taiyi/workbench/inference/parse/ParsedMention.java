package taiyi.workbench.inference.parse;

import java.util.Objects;

/**
 * An entity mention read from an answer.
 *
 * @param type the schema's type name (not the display name the model wrote)
 * @param text the mention string as written
 * @param start first char of the string in the answer
 * @param end char after it
 */
public record ParsedMention(String type, String text, int start, int end) {

    public ParsedMention {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("mention '" + text + "' at [" + start + ", " + end + ")");
        }
    }
}
