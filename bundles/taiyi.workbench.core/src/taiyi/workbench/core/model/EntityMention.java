package taiyi.workbench.core.model;

import java.util.List;
import java.util.Objects;

/**
 * An entity mention: a typed reference to one or more spans of a document's text.
 *
 * <p>Several spans make a discontinuous mention (brat's {@code 0 5;10 15}); mentions may overlap
 * and nest freely. Normalisations are concept identifiers such as {@code MESH:D008094} or
 * {@code OMIM:123}, kept exactly as the source wrote them.
 *
 * @param id identifier unique within the document
 * @param type entity type from the corpus label schema, e.g. {@code Disease} or {@code dis}
 * @param spans the ranges, sorted, not overlapping one another
 * @param normalizations concept ids, possibly empty
 */
public record EntityMention(String id, String type, List<Span> spans, List<String> normalizations) {

    public EntityMention {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("mention " + id + " has a blank type");
        }
        spans = List.copyOf(spans);
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("mention " + id + " has no span");
        }
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i).start() < spans.get(i - 1).end()) {
                throw new IllegalArgumentException("mention " + id + " has unsorted or overlapping spans " + spans);
            }
        }
        normalizations = List.copyOf(normalizations);
    }

    /** A continuous mention. */
    public static EntityMention of(String id, String type, int start, int end, List<String> normalizations) {
        return new EntityMention(id, type, List.of(new Span(start, end)), normalizations);
    }

    public int start() {
        return spans.get(0).start();
    }

    public int end() {
        return spans.get(spans.size() - 1).end();
    }

    public boolean isDiscontinuous() {
        return spans.size() > 1;
    }

    /** The mention's text, its spans' texts joined by a space (brat's convention). */
    public String coveredText(String text) {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(text, s.start(), s.end());
        }
        return sb.toString();
    }
}
