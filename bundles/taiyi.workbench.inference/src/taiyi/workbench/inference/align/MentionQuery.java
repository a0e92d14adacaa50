package taiyi.workbench.inference.align;

import java.util.Objects;

/**
 * A mention string the model gave, with its type.
 *
 * @param type the schema type name
 * @param text the string as the model wrote it
 */
public record MentionQuery(String type, String text) {

    public MentionQuery {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }
}
