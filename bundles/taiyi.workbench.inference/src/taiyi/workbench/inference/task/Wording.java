package taiyi.workbench.inference.task;

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
     * that happens to contain {@code {types}} is left as it is.
     */
    public String fill(String text, String types) {
        StringBuilder out = new StringBuilder(pattern.length() + text.length() + types.length());
        int i = 0;
        while (i < pattern.length()) {
            if (pattern.startsWith(TEXT, i)) {
                out.append(text);
                i += TEXT.length();
            } else if (pattern.startsWith(TYPES, i)) {
                out.append(types);
                i += TYPES.length();
            } else {
                out.append(pattern.charAt(i++));
            }
        }
        return out.toString();
    }
}
