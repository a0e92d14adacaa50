package taiyi.workbench.inference.task;

import java.util.Arrays;
import java.util.Objects;

/**
 * One phrasing of a task instruction, with {@code {text}} where the document text goes and
 * {@code {types}} where the list of types or labels goes.
 *
 * @param id stable id recorded as provenance, e.g. {@code ner-zh-3}
 * @param pattern the phrasing
 */
public record Wording(String id, String pattern) {

    private static final String TEXT = "{text}";
    private static final String TYPES = "{types}";

    public Wording {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pattern, "pattern");
        if (!pattern.contains(TEXT) || !pattern.contains(TYPES)) {
            throw new IllegalArgumentException("wording " + id + " lacks " + TEXT + " or " + TYPES);
        }
    }

    /**
     * The instruction text. Placeholders are filled in one pass over the pattern, so a document
     * that happens to contain {@code {types}} is left as it is. The parts are joined into one string
     * of the exact length: a round export fills thousands of instructions of a few thousand chars.
     */
    public String fill(String text, String types) {
        // literal, value, literal, value, …, literal; unused entries stay empty and add nothing
        String[] parts = new String[pattern.length() / TEXT.length() * 2 + 1];
        Arrays.fill(parts, "");
        int n = 0;
        int literal = 0;
        int i = 0;
        while (i < pattern.length()) {
            int placeholder = pattern.startsWith(TEXT, i) ? TEXT.length() : pattern.startsWith(TYPES, i) ? TYPES.length() : 0;
            if (placeholder == 0) {
                i++;
                continue;
            }
            parts[n++] = pattern.substring(literal, i);
            parts[n++] = placeholder == TEXT.length() ? text : types;
            i += placeholder;
            literal = i;
        }
        parts[n] = pattern.substring(literal);
        return String.join("", parts);
    }
}
