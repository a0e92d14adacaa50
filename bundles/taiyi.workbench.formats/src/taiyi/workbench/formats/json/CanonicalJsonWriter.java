package taiyi.workbench.formats.json;

import static taiyi.workbench.formats.json.CanonicalJson.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.AtomicOutput;
import taiyi.workbench.formats.CodePointOffsets;
import taiyi.workbench.formats.DocumentWriter;
import taiyi.workbench.formats.FormatException;

/** Writes documents as canonical JSON Lines, one BigBio-style document per line. */
public final class CanonicalJsonWriter implements DocumentWriter {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void write(List<Document> documents, Path target) throws IOException, FormatException {
        AtomicOutput.writeText(target, out -> {
            for (Document d : documents) {
                out.write(mapper.writeValueAsString(toJson(d)));
                out.write('\n');
            }
        });
    }

    ObjectNode toJson(Document d) {
        CodePointOffsets offsets = new CodePointOffsets(d.text());
        ObjectNode doc = mapper.createObjectNode();
        doc.put(ID, d.id());
        doc.put(DOCUMENT_ID, d.id());
        doc.put(LANGUAGE, d.language().code());
        doc.put(TEXT, d.text());
        ObjectNode metadata = doc.putObject(METADATA);
        d.metadata().forEach(metadata::put);
        ArrayNode labels = doc.putArray(LABELS);
        d.labels().forEach(labels::add);
        ArrayNode passages = doc.putArray(PASSAGES);
        int p = 0;
        for (Passage passage : d.passages()) {
            ObjectNode node = passages.addObject();
            node.put(ID, d.id() + "-P" + p++);
            node.put(TYPE, passage.type());
            node.putArray(TEXT).add(d.text().substring(passage.span().start(), passage.span().end()));
            spans(node.putArray(OFFSETS), List.of(passage.span()), offsets);
        }
        ArrayNode entities = doc.putArray(ENTITIES);
        for (EntityMention m : d.mentions()) {
            ObjectNode node = entities.addObject();
            node.put(ID, m.id());
            node.put(TYPE, m.type());
            spans(node.putArray(OFFSETS), m.spans(), offsets);
            ArrayNode texts = node.putArray(TEXT);
            m.spanTexts(d.text()).forEach(texts::add);
            ArrayNode normalized = node.putArray(NORMALIZED);
            for (Normalization n : m.normalizations()) {
                normalized.addObject().put(DB_NAME, n.db()).put(DB_ID, n.id());
            }
            ObjectNode attributes = node.putObject(ATTRIBUTES);
            for (Map.Entry<String, String> a : m.attributes().entrySet()) {
                attributes.put(a.getKey(), a.getValue());
            }
        }
        doc.putArray(EVENTS);
        doc.putArray(COREFERENCES);
        ArrayNode relations = doc.putArray(RELATIONS);
        for (Relation r : d.relations()) {
            ObjectNode node = relations.addObject();
            node.put(ID, r.id());
            node.put(TYPE, r.type());
            node.put(ARG1, r.head());
            node.put(ARG2, r.tail());
            spans(node.putArray(EVIDENCE), r.evidence(), offsets);
        }
        return doc;
    }

    private static void spans(ArrayNode array, List<Span> spans, CodePointOffsets offsets) {
        for (Span s : spans) {
            array.addArray().add(offsets.toCodePoint(s.start())).add(offsets.toCodePoint(s.end()));
        }
    }
}
