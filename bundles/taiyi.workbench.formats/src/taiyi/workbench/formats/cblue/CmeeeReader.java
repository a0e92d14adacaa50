package taiyi.workbench.formats.cblue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.DocumentReader;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.CodePointOffsets;
import taiyi.workbench.formats.Utf8File;

/**
 * Reads CMeEE (CBLUE's Chinese medical entity recognition set): one JSON array of sentences
 * {@code {"text": ..., "entities": [{"start_idx", "end_idx", "type", "entity"}]}}.
 *
 * <p>{@code end_idx} is inclusive and both indices count code points (the data was made with
 * Python); they become half-open UTF-16 spans here. Every {@code entity} must equal the text at
 * its offsets, else the read fails at that entity's line and column. Nested, overlapping and
 * repeated entities are all kept; mentions are {@code T1..Tn} in file order. A sentence keeps an
 * {@code id} field if it has one and is otherwise named {@code <file stem>-<position>}. The test set
 * has no {@code entities}, which reads as none. Other fields are ignored.
 *
 * <p>Every document is {@link Language#CHINESE}: CMeEE is a Chinese corpus, and its reference-list
 * sentences, mostly Latin author names, would be guessed English by {@link Language#detect}.
 */
public final class CmeeeReader implements DocumentReader {

    @Override
    public List<Document> read(Path file) throws FormatException {
        String stem = SentenceIds.stem(file);
        List<Document> documents = new ArrayList<>();
        try (JsonInput in = new JsonInput(file, Utf8File.withoutByteOrderMark(Utf8File.read(file)), 1)) {
            in.next();
            in.expect(JsonToken.START_ARRAY, "a JSON array of sentences");
            while (in.next() != JsonToken.END_ARRAY) {
                documents.add(readSentence(in, SentenceIds.generated(stem, documents.size() + 1)));
            }
            in.expectEnd();
        }
        return documents;
    }

    /** One entity as the file gives it, with where it was. */
    private record RawEntity(JsonLocation at, int start, int end, String type, String entity) {
    }

    private static Document readSentence(JsonInput in, String generatedId) throws FormatException {
        CblueSentence<RawEntity> sentence = CblueSentence.read(in, generatedId, "entities", CmeeeReader::readEntity);
        JsonLocation at = sentence.at();
        String id = sentence.id();
        String text = sentence.text();
        List<RawEntity> entities = sentence.items();
        CodePointOffsets offsets = new CodePointOffsets(text);
        List<EntityMention> mentions = new ArrayList<>();
        for (RawEntity e : entities) {
            if (e.end() < e.start()) {
                throw in.error(e.at(), "entity '" + e.entity() + "' ends (end_idx " + e.end() + ") before it starts (start_idx "
                        + e.start() + ")");
            }
            if (e.end() >= offsets.codePointCount()) {
                throw in.error(e.at(), "entity '" + e.entity() + "' ends at end_idx " + e.end()
                        + ", past the text of " + offsets.codePointCount() + " characters");
            }
            int start = offsets.toUtf16(e.start());
            int end = offsets.toUtf16(e.end() + 1);
            String covered = text.substring(start, end);
            if (!covered.equals(e.entity())) {
                throw in.error(e.at(), "entity '" + e.entity() + "' does not match the text '" + covered + "' at "
                        + e.start() + ".." + e.end());
            }
            mentions.add(new EntityMention("T" + (mentions.size() + 1), e.type(), List.of(new Span(start, end)), List.of(),
                    Map.of()));
        }
        try {
            return new Document(id, Language.CHINESE, text, List.of(), Map.of(), mentions, List.of());
        } catch (IllegalArgumentException e) {
            throw in.error(at, e.getMessage(), e);
        }
    }

    private static RawEntity readEntity(JsonInput in) throws FormatException {
        in.expect(JsonToken.START_OBJECT, "an entity object");
        JsonLocation at = in.location();
        Integer start = null;
        Integer end = null;
        String type = null;
        String entity = null;
        while (in.next() == JsonToken.FIELD_NAME) {
            String field = in.fieldName();
            in.next();
            switch (field) {
                case "start_idx" -> start = in.index("start_idx");
                case "end_idx" -> end = in.index("end_idx");
                case "type" -> type = in.string("type");
                case "entity" -> entity = in.string("entity");
                default -> in.skipValue();
            }
        }
        List<String> missing = new ArrayList<>();
        if (start == null) {
            missing.add("start_idx");
        }
        if (end == null) {
            missing.add("end_idx");
        }
        if (type == null) {
            missing.add("type");
        }
        if (entity == null) {
            missing.add("entity");
        }
        if (!missing.isEmpty()) {
            throw in.error(at, "entity lacks " + String.join(", ", missing));
        }
        if (type.isBlank()) {
            throw in.error(at, "entity '" + entity + "' has a blank type");
        }
        return new RawEntity(at, start, end, type, entity);
    }
}
