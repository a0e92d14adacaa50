package taiyi.workbench.formats.bioc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.AtomicOutput;
import taiyi.workbench.formats.DocumentWriter;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.bioc.BiocCollection.BiocAnnotation;
import taiyi.workbench.formats.bioc.BiocCollection.BiocDocument;
import taiyi.workbench.formats.bioc.BiocCollection.BiocLocation;
import taiyi.workbench.formats.bioc.BiocCollection.BiocNode;
import taiyi.workbench.formats.bioc.BiocCollection.BiocPassage;
import taiyi.workbench.formats.bioc.BiocCollection.BiocRelation;

/**
 * Writes documents as one BioC JSON file in the shape the {@code bioc} Python package reads (every
 * key its decoder requires, {@code sentences} empty), so that {@link BiocJsonReader} reads back
 * equal documents.
 */
public final class BiocJsonWriter implements DocumentWriter {

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void write(List<Document> documents, Path target) throws IOException, FormatException {
        BiocCollection collection = BiocDocumentMapper.toCollection(target, documents);
        AtomicOutput.writeFile(target, out -> {
            try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                json.useDefaultPrettyPrinter();
                collection(json, collection);
            }
        });
    }

    private static void collection(JsonGenerator json, BiocCollection c) throws IOException {
        json.writeStartObject();
        json.writeStringField("source", c.source());
        json.writeStringField("date", c.date());
        json.writeStringField("key", c.key());
        infons(json, c.infons());
        json.writeArrayFieldStart("documents");
        for (BiocDocument d : c.documents()) {
            json.writeStartObject();
            json.writeStringField("id", d.id());
            infons(json, d.infons());
            json.writeArrayFieldStart("passages");
            for (BiocPassage p : d.passages()) {
                passage(json, p);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("relations");
            for (BiocRelation r : d.relations()) {
                relation(json, r);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void passage(JsonGenerator json, BiocPassage p) throws IOException {
        json.writeStartObject();
        json.writeNumberField("offset", p.offset());
        infons(json, p.infons());
        json.writeStringField("text", p.text());
        json.writeArrayFieldStart("sentences");
        json.writeEndArray();
        json.writeArrayFieldStart("annotations");
        for (BiocAnnotation a : p.annotations()) {
            json.writeStartObject();
            json.writeStringField("id", a.id());
            infons(json, a.infons());
            json.writeStringField("text", a.text());
            json.writeArrayFieldStart("locations");
            for (BiocLocation l : a.locations()) {
                json.writeStartObject();
                json.writeNumberField("offset", l.offset());
                json.writeNumberField("length", l.length());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("relations");
        for (BiocRelation r : p.relations()) {
            relation(json, r);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void relation(JsonGenerator json, BiocRelation r) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", r.id());
        infons(json, r.infons());
        json.writeArrayFieldStart("nodes");
        for (BiocNode n : r.nodes()) {
            json.writeStartObject();
            json.writeStringField("refid", n.refid());
            json.writeStringField("role", n.role());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void infons(JsonGenerator json, Map<String, String> infons) throws IOException {
        json.writeObjectFieldStart("infons");
        for (var e : infons.entrySet()) {
            json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
    }
}
