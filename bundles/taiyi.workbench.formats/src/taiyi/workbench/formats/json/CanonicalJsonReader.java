package taiyi.workbench.formats.json;

import static taiyi.workbench.formats.json.CanonicalJson.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.CodePointOffsets;
import taiyi.workbench.formats.DocumentReader;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.Utf8File;

/**
 * Reads canonical JSON Lines. Also reads plain BigBio documents: without {@code text} the text is
 * rebuilt from the passages at their offsets, without {@code language} it is detected. Every
 * entity's {@code text} list must equal the document text at its offsets.
 */
public final class CanonicalJsonReader implements DocumentReader {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public List<Document> read(Path file) throws FormatException {
        List<Document> documents = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<String> lines = Utf8File.lines(file);
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = mapper.readTree(line);
            } catch (JsonProcessingException e) {
                throw new FormatException(file, lineNo, e.getLocation().getColumnNr(), "not JSON: " + e.getOriginalMessage(), e);
            }
            Document d = new LineParser(file, lineNo).document(node);
            if (!ids.add(d.id())) {
                throw new FormatException(file, lineNo, "document id " + d.id() + " occurs twice in the file");
            }
            documents.add(d);
        }
        return documents;
    }

    /** Turns one line's JSON object into a document, failing with the line and the JSON path. */
    private static final class LineParser {
        private final Path file;
        private final int line;

        LineParser(Path file, int line) {
            this.file = file;
            this.line = line;
        }

        Document document(JsonNode node) throws FormatException {
            if (!node.isObject()) {
                throw error("", "expected a JSON object per line");
            }
            String id = text(node, ID, "");
            if (id == null) {
                id = text(node, DOCUMENT_ID, "");
            }
            if (id == null || id.isBlank()) {
                throw error("", "document without '" + ID + "' or '" + DOCUMENT_ID + "'");
            }
            for (String unsupported : List.of(EVENTS, COREFERENCES)) {
                JsonNode n = node.get(unsupported);
                if (n != null && !(n.isArray() && n.isEmpty())) {
                    throw error(unsupported, unsupported + " are not supported by the workbench");
                }
            }
            List<JsonNode> passageNodes = array(node, PASSAGES, "");
            String body = text(node, TEXT, "");
            if (body == null) {
                body = textFromPassages(passageNodes);
            }
            CodePointOffsets offsets = new CodePointOffsets(body);
            String languageCode = text(node, LANGUAGE, "");
            Language language;
            try {
                language = languageCode == null ? Language.detect(body) : Language.fromCode(languageCode);
            } catch (IllegalArgumentException e) {
                throw error(LANGUAGE, e.getMessage());
            }
            Map<String, String> metadata = stringMap(node.get(METADATA), METADATA);
            List<String> labels = new ArrayList<>();
            for (JsonNode l : array(node, LABELS, "")) {
                labels.add(l.asText());
            }
            List<Passage> passages = new ArrayList<>();
            for (int i = 0; i < passageNodes.size(); i++) {
                JsonNode p = passageNodes.get(i);
                String where = PASSAGES + "[" + i + "]";
                List<Span> spans = spans(p.get(OFFSETS), offsets, where);
                if (spans.size() != 1) {
                    throw error(where, "a passage needs exactly one offset pair, found " + spans.size());
                }
                passages.add(new Passage(requireText(p, TYPE, where), spans.get(0)));
            }
            List<EntityMention> mentions = new ArrayList<>();
            List<JsonNode> entityNodes = array(node, ENTITIES, "");
            for (int i = 0; i < entityNodes.size(); i++) {
                mentions.add(mention(entityNodes.get(i), body, offsets, ENTITIES + "[" + i + "]"));
            }
            List<Relation> relations = new ArrayList<>();
            List<JsonNode> relationNodes = array(node, RELATIONS, "");
            for (int i = 0; i < relationNodes.size(); i++) {
                JsonNode r = relationNodes.get(i);
                String where = RELATIONS + "[" + i + "]";
                relations.add(new Relation(requireText(r, ID, where), requireText(r, TYPE, where), requireText(r, ARG1, where),
                        requireText(r, ARG2, where), spans(r.get(EVIDENCE), offsets, where + "." + EVIDENCE)));
            }
            try {
                return new Document(id, language, body, passages, metadata, labels, mentions, relations);
            } catch (IllegalArgumentException e) {
                throw error("", e.getMessage());
            }
        }

        private EntityMention mention(JsonNode e, String body, CodePointOffsets offsets, String where) throws FormatException {
            String id = requireText(e, ID, where);
            List<Span> spans = spans(e.get(OFFSETS), offsets, where + "." + OFFSETS);
            if (spans.isEmpty()) {
                throw error(where, "entity " + id + " has no offsets");
            }
            JsonNode texts = e.get(TEXT);
            if (texts != null) {
                List<String> expected = new ArrayList<>();
                texts.forEach(t -> expected.add(t.asText()));
                List<String> actual = spans.stream().map(s -> body.substring(s.start(), s.end())).toList();
                if (!expected.equals(actual) && !(expected.size() == 1 && expected.get(0).equals(String.join(" ", actual)))) {
                    throw error(where, "entity " + id + " text " + expected + " does not match the document text " + actual
                            + " at its offsets");
                }
            }
            List<Normalization> normalizations = new ArrayList<>();
            List<JsonNode> norms = array(e, NORMALIZED, where);
            for (int i = 0; i < norms.size(); i++) {
                JsonNode n = norms.get(i);
                String w = where + "." + NORMALIZED + "[" + i + "]";
                String db = text(n, DB_NAME, w);
                try {
                    normalizations.add(new Normalization(db == null ? "" : db, requireText(n, DB_ID, w)));
                } catch (IllegalArgumentException ex) {
                    throw error(w, ex.getMessage());
                }
            }
            try {
                return new EntityMention(id, requireText(e, TYPE, where), spans.stream().sorted().toList(), normalizations,
                        stringMap(e.get(ATTRIBUTES), where + "." + ATTRIBUTES));
            } catch (IllegalArgumentException ex) {
                throw error(where, ex.getMessage());
            }
        }

        private List<Span> spans(JsonNode array, CodePointOffsets offsets, String where) throws FormatException {
            List<Span> spans = new ArrayList<>();
            if (array == null || array.isNull()) {
                return spans;
            }
            if (!array.isArray()) {
                throw error(where, "expected a list of [start, end] pairs");
            }
            for (JsonNode pair : array) {
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).canConvertToInt() || !pair.get(1).canConvertToInt()
                        || !pair.get(0).isIntegralNumber() || !pair.get(1).isIntegralNumber()) {
                    throw error(where, "expected [start, end] integer pairs, found " + pair);
                }
                int start = pair.get(0).intValue();
                int end = pair.get(1).intValue();
                try {
                    spans.add(new Span(offsets.toUtf16(start), offsets.toUtf16(end)));
                } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                    throw error(where, "offsets [" + start + ", " + end + "]: " + e.getMessage());
                }
            }
            return spans;
        }

        private String textFromPassages(List<JsonNode> passageNodes) throws FormatException {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < passageNodes.size(); i++) {
                JsonNode p = passageNodes.get(i);
                String where = PASSAGES + "[" + i + "]";
                JsonNode texts = p.get(TEXT);
                JsonNode offs = p.get(OFFSETS);
                if (texts == null || offs == null || !texts.isArray() || !offs.isArray() || texts.size() != offs.size()) {
                    throw error(where, "without a document 'text', every passage needs 'text' and 'offsets' of equal length");
                }
                for (int k = 0; k < texts.size(); k++) {
                    int start = offs.get(k).get(0).asInt(-1);
                    String t = texts.get(k).asText();
                    int cps = sb.codePointCount(0, sb.length());
                    if (start < cps) {
                        throw error(where, "passage offsets overlap or go backwards at " + start);
                    }
                    sb.append(" ".repeat(start - cps)).append(t);
                }
            }
            return sb.toString();
        }

        private Map<String, String> stringMap(JsonNode node, String where) throws FormatException {
            Map<String, String> map = new LinkedHashMap<>();
            if (node == null || node.isNull()) {
                return map;
            }
            if (!node.isObject()) {
                throw error(where, "expected an object of strings");
            }
            var fields = node.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                if (!f.getValue().isValueNode()) {
                    throw error(where + "." + f.getKey(), "expected a string value");
                }
                map.put(f.getKey(), f.getValue().asText());
            }
            return map;
        }

        private List<JsonNode> array(JsonNode node, String field, String where) throws FormatException {
            JsonNode a = node.get(field);
            if (a == null || a.isNull()) {
                return List.of();
            }
            if (!a.isArray()) {
                throw error(where.isEmpty() ? field : where + "." + field, "expected a list");
            }
            List<JsonNode> out = new ArrayList<>();
            a.forEach(out::add);
            return out;
        }

        private String text(JsonNode node, String field, String where) throws FormatException {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isValueNode()) {
                throw error(where.isEmpty() ? field : where + "." + field, "expected a string");
            }
            return v.asText();
        }

        private String requireText(JsonNode node, String field, String where) throws FormatException {
            String v = text(node, field, where);
            if (v == null) {
                throw error(where, "missing '" + field + "'");
            }
            return v;
        }

        private FormatException error(String where, String reason) {
            return new FormatException(file, line, (where.isEmpty() ? "" : where + ": ") + reason);
        }
    }
}
