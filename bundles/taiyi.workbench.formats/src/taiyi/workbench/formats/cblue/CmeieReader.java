package taiyi.workbench.formats.cblue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.DocumentReader;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.Utf8File;

/**
 * Reads CMeIE (CBLUE's Chinese medical relation extraction set): JSON Lines, one sentence a line,
 * {@code {"text": ..., "spo_list": [{"Combined": false, "predicate": ..., "subject": ...,
 * "subject_type": ..., "object": {"@value": ...}, "object_type": {"@value": ...}}]}}.
 *
 * <p>The triples carry no offsets, so each subject and object is placed at its <em>first
 * occurrence</em> in the text; one surface with one type is one mention however many triples name
 * it. Mentions are {@code T1..Tn} in order of first use, relations {@code R1..Rn} in file order,
 * typed by the predicate, subject as head, object as tail. An argument that does not occur in the
 * text fails at its triple's line and column. {@code Combined} has no place on a {@link Relation},
 * so the ids of the triples marked {@code true} are kept, space-separated, in the metadata entry
 * {@link #COMBINED_RELATIONS}. Ids, blank lines, language and unknown fields are handled as by
 * {@link CmeeeReader}; an object with slots besides {@code @value} (DuIE's complex objects) is
 * refused rather than half read.
 */
public final class CmeieReader implements DocumentReader {

    /** Metadata entry: the relations whose triple says {@code "Combined": true}, space-separated. */
    public static final String COMBINED_RELATIONS = "cmeie_combined";

    @Override
    public List<Document> read(Path file) throws FormatException {
        String stem = SentenceIds.stem(file);
        String[] lines = Utf8File.withoutByteOrderMark(Utf8File.read(file)).split("\n", -1);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            try (JsonInput in = new JsonInput(file, line, i + 1)) {
                in.next();
                documents.add(readSentence(in, SentenceIds.generated(stem, documents.size() + 1)));
                in.expectEnd();
            }
        }
        return documents;
    }

    /** One triple as the file gives it, with where it was. */
    private record Triple(JsonLocation at, boolean combined, String predicate, String subject, String subjectType,
            String object, String objectType) {
    }

    private static Document readSentence(JsonInput in, String generatedId) throws FormatException {
        CblueSentence<Triple> sentence = CblueSentence.read(in, generatedId, "spo_list", CmeieReader::readTriple);
        JsonLocation at = sentence.at();
        String id = sentence.id();
        String text = sentence.text();
        List<Triple> triples = sentence.items();
        Map<String, EntityMention> mentionsBySurfaceAndType = new LinkedHashMap<>();
        List<Relation> relations = new ArrayList<>();
        List<String> combined = new ArrayList<>();
        for (Triple t : triples) {
            EntityMention head = mention(in, t, text, t.subject(), t.subjectType(), "subject", mentionsBySurfaceAndType);
            EntityMention tail = mention(in, t, text, t.object(), t.objectType(), "object", mentionsBySurfaceAndType);
            String relationId = "R" + (relations.size() + 1);
            relations.add(new Relation(relationId, t.predicate(), head.id(), tail.id()));
            if (t.combined()) {
                combined.add(relationId);
            }
        }
        Map<String, String> metadata = combined.isEmpty() ? Map.of() : Map.of(COMBINED_RELATIONS, String.join(" ", combined));
        try {
            return new Document(id, Language.CHINESE, text, List.of(), metadata,
                    new ArrayList<>(mentionsBySurfaceAndType.values()), relations);
        } catch (IllegalArgumentException e) {
            throw in.error(at, e.getMessage(), e);
        }
    }

    private static EntityMention mention(JsonInput in, Triple t, String text, String surface, String type, String role,
            Map<String, EntityMention> mentions) throws FormatException {
        String key = type + '\t' + surface;
        EntityMention known = mentions.get(key);
        if (known != null) {
            return known;
        }
        int start = firstOccurrence(text, surface);
        if (start < 0) {
            throw in.error(t.at(), role + " '" + surface + "' of the " + t.predicate() + " triple does not occur in the text");
        }
        EntityMention m = new EntityMention("T" + (mentions.size() + 1), type,
                List.of(new Span(start, start + surface.length())), List.of(), Map.of());
        mentions.put(key, m);
        return m;
    }

    /** The first index where {@code surface} occurs in {@code text} without splitting a surrogate pair, or -1. */
    static int firstOccurrence(String text, String surface) {
        int i = text.indexOf(surface);
        while (i >= 0 && (splitsPair(text, i) || splitsPair(text, i + surface.length()))) {
            i = text.indexOf(surface, i + 1);
        }
        return i;
    }

    private static boolean splitsPair(String text, int index) {
        return index > 0 && index < text.length() && Character.isHighSurrogate(text.charAt(index - 1))
                && Character.isLowSurrogate(text.charAt(index));
    }

    private static Triple readTriple(JsonInput in) throws FormatException {
        in.expect(JsonToken.START_OBJECT, "a triple object");
        JsonLocation at = in.location();
        boolean combined = false;
        String predicate = null;
        String subject = null;
        String subjectType = null;
        String object = null;
        String objectType = null;
        while (in.next() == JsonToken.FIELD_NAME) {
            String field = in.fieldName();
            in.next();
            switch (field) {
                case "Combined" -> combined = in.bool("Combined");
                case "predicate" -> predicate = in.string("predicate");
                case "subject" -> subject = in.string("subject");
                case "subject_type" -> subjectType = in.string("subject_type");
                case "object" -> object = value(in, "object");
                case "object_type" -> objectType = value(in, "object_type");
                default -> in.skipValue();
            }
        }
        List<String> missing = new ArrayList<>();
        noteMissing(missing, "predicate", predicate);
        noteMissing(missing, "subject", subject);
        noteMissing(missing, "subject_type", subjectType);
        noteMissing(missing, "object", object);
        noteMissing(missing, "object_type", objectType);
        if (!missing.isEmpty()) {
            throw in.error(at, "triple lacks a non-blank " + String.join(", ", missing));
        }
        return new Triple(at, combined, predicate, subject, subjectType, object, objectType);
    }

    private static void noteMissing(List<String> missing, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }

    /** The {@code @value} of an object or object type, the only slot CMeIE uses. */
    private static String value(JsonInput in, String what) throws FormatException {
        in.expect(JsonToken.START_OBJECT, what + " as an object {\"@value\": ...}");
        JsonLocation at = in.location();
        String value = null;
        while (in.next() == JsonToken.FIELD_NAME) {
            String field = in.fieldName();
            in.next();
            if (!field.equals("@value")) {
                throw in.error(in.location(), what + " has slot '" + field + "' besides @value, which CMeIE does not use");
            }
            value = in.string(what + " @value");
        }
        if (value == null) {
            throw in.error(at, what + " has no @value");
        }
        return value;
    }
}
