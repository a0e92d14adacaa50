package taiyi.workbench.core.model;

/**
 * A half-open range {@code [start, end)} of UTF-16 indices into a document's text.
 *
 * @param start first char of the range
 * @param end one past the last char of the range
 */
public record Span(int start, int end) implements Comparable<Span> {

    public Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") is empty or negative");
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    @Override
    public int compareTo(Span o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
