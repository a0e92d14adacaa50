package taiyi.workbench.formats.cblue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonGenerator;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.formats.AtomicOutput;
import taiyi.workbench.formats.CodePointOffsets;
import taiyi.workbench.formats.DocumentWriter;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.FormatWarning;
import taiyi.workbench.formats.LeftOut;
import taiyi.workbench.formats.Utf8File;

/**
 * Writes CMeEE: one UTF-8 JSON array, laid out as the published files ({@code indent=4}, Chinese
 * unescaped), of {@code {"text", "entities": [{"start_idx", "end_idx", "type", "entity"}]}} with
 * code point offsets and an inclusive end.
 *
 * <p>A document's id is written as an {@code id} field unless it is the one {@link CmeeeReader}
 * would give the sentence in the target file, so the published shape survives a round trip. CMeEE
 * holds only typed ranges: concepts, attributes, relations, passages, metadata and labels are not
 * written, and mention ids become positions. A discontinuous mention, a span that splits a
 * surrogate pair, or text UTF-8 cannot encode fails with the document and mention named.
 */
public final class CmeeeWriter implements DocumentWriter {

    private record Entity(int startIdx, int endIdx, String type, String entity) {
    }

    private record Sentence(String id, String text, List<Entity> entities) {
    }

    /** Writes, then tells what CMeEE has no place for: all but the text and the typed ranges. */
    @Override
    public void write(List<Document> documents, Path target, Consumer<FormatWarning> leftOut) throws IOException, FormatException {
        write(documents, target);
        LeftOut out = new LeftOut();
        for (Document d : documents) {
            out.add(d.mentions().stream().mapToInt(m -> m.normalizations().size()).sum(), "concept", "concepts")
                    .add(d.mentions().stream().mapToInt(m -> m.attributes().size()).sum(), "mention attribute", "mention attributes")
                    .add(d.relations().size(), "relation", "relations").add(d.passages().size(), "passage", "passages")
                    .add(d.labels().size(), "label", "labels").add(d.metadata().size(), "metadata entry", "metadata entries");
        }
        out.report(target, "CMeEE", leftOut);
    }

    @Override
    public void write(List<Document> documents, Path target) throws IOException, FormatException {
        List<Sentence> sentences = SentenceIds.sentences(documents, target, (d, id) -> sentence(target, d, id));
        AtomicOutput.writeText(target, out -> {
            try (JsonGenerator g = PythonJsonLayout.indented().generator(out)) {
                g.writeStartArray();
                for (Sentence s : sentences) {
                    g.writeStartObject();
                    if (s.id() != null) {
                        g.writeStringField("id", s.id());
                    }
                    g.writeStringField("text", s.text());
                    g.writeArrayFieldStart("entities");
                    for (Entity e : s.entities()) {
                        g.writeStartObject();
                        g.writeNumberField("start_idx", e.startIdx());
                        g.writeNumberField("end_idx", e.endIdx());
                        g.writeStringField("type", e.type());
                        g.writeStringField("entity", e.entity());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            out.write('\n');
        });
    }

    private static Sentence sentence(Path target, Document d, String id) throws FormatException {
        String text = d.text();
        requireEncodable(target, d, text, "its text");
        if (id != null) {
            requireEncodable(target, d, id, "its id");
        }
        CodePointOffsets offsets = new CodePointOffsets(text);
        List<Entity> entities = new ArrayList<>();
        for (EntityMention m : d.mentions()) {
            if (m.isDiscontinuous()) {
                throw new FormatException(target, 0, "document " + d.id() + ": mention " + m.id() + " is discontinuous ("
                        + m.spans() + "); a CMeEE entity is one range");
            }
            requireEncodable(target, d, m.type(), "the type of mention " + m.id());
            int start;
            int end;
            try {
                start = offsets.toCodePoint(m.start());
                end = offsets.toCodePoint(m.end());
            } catch (IllegalArgumentException e) {
                throw new FormatException(target, 0, "document " + d.id() + ": mention " + m.id() + " at " + m.spans()
                        + " splits a surrogate pair, so it has no character offsets", e);
            }
            entities.add(new Entity(start, end - 1, m.type(), m.coveredText(text)));
        }
        return new Sentence(id, text, entities);
    }

    static void requireEncodable(Path target, Document d, String value, String what) throws FormatException {
        int at = Utf8File.unencodableAt(value);
        if (at >= 0) {
            throw new FormatException(target, 0, "document " + d.id() + ": " + what + " has an unpaired surrogate at index "
                    + at + ", which UTF-8 cannot hold");
        }
    }
}
