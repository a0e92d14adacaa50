package taiyi.workbench.inference.task;

import java.util.Objects;

/**
 * A stretch of a document's text small enough to go into one prompt.
 *
 * @param index position among the document's windows, from 0
 * @param start first char of the window in the document text
 * @param text the window's text, exactly {@code documentText.substring(start, start + text.length())}
 */
public record TextWindow(int index, int start, String text) {

    public TextWindow {
        Objects.requireNonNull(text, "text");
        if (index < 0 || start < 0) {
            throw new IllegalArgumentException("window " + index + " at " + start);
        }
    }

    /** The char after the window in the document text. */
    public int end() {
        return start + text.length();
    }

    /** Converts an offset in the window to one in the document. */
    public int toDocument(int windowOffset) {
        return start + windowOffset;
    }
}
