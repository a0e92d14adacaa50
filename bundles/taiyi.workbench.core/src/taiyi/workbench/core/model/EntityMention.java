package taiyi.workbench.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An entity mention: a typed reference to one or more spans of a document's text.
 *
 * <p>Several spans make a discontinuous mention (brat's {@code 0 5;10 15}); mentions may overlap
 * and nest freely. Attributes carry what a format says about a mention beyond type and concepts
 * (brat's {@code A}/{@code M} lines, PubTator's individual parts of a composite mention), keyed by
 * name, in the order the source gave them.
 *
 * @param id identifier unique within the document
 * @param type entity type from the corpus label schema, e.g. {@code Disease} or {@code dis}
 * @param spans the ranges, sorted, not overlapping one another
 * @param normalizations concept links, possibly empty
 * @param attributes further facts about the mention, possibly empty
 */
public record EntityMention(String id, String type, List<Span> spans, List<Normalization> normalizations,
        Map<String, String> attributes) {

    public EntityMention {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (id.isBlank()) {
            throw new IllegalArgumentException("mention with a blank id");
        }
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
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** A mention without attributes. */
    public EntityMention(String id, String type, List<Span> spans, List<Normalization> normalizations) {
        this(id, type, spans, normalizations, Map.of());
    }

    /** A continuous mention. */
    public static EntityMention of(String id, String type, int start, int end, List<Normalization> normalizations) {
        return new EntityMention(id, type, List.of(new Span(start, end)), normalizations, Map.of());
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

    /** Whether one of the mention's concepts is the given one ({@code db:id} or bare id). */
    public boolean isNormalizedTo(String concept) {
        // an indexed loop, no stream or iterator: exports ask this of every mention for every relation argument
        for (int i = 0; i < normalizations.size(); i++) {
            if (normalizations.get(i).matches(concept)) {
                return true;
            }
        }
        return false;
    }

    /** The texts of the spans, in order. */
    public List<String> spanTexts(String text) {
        return spans.stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    /** The mention's text, its spans' texts joined by a space (brat's convention). */
    public String coveredText(String text) {
        return String.join(" ", spanTexts(text));
    }
}
