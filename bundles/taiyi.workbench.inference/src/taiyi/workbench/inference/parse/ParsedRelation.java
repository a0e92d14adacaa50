package taiyi.workbench.inference.parse;

import java.util.Objects;

/**
 * A relation read from an answer.
 *
 * @param type the schema's relation type name
 * @param head the first argument
 * @param tail the second argument
 * @param start first char of the pair or triple (bracket included) in the answer
 * @param end char after it
 */
public record ParsedRelation(String type, ParsedArgument head, ParsedArgument tail, int start, int end) {

    public ParsedRelation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(tail, "tail");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("relation at [" + start + ", " + end + ")");
        }
    }
}
