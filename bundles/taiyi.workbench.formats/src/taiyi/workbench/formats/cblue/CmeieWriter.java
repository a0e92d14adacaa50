package taiyi.workbench.formats.cblue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonGenerator;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.formats.AtomicOutput;
import taiyi.workbench.formats.DocumentWriter;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.FormatWarning;
import taiyi.workbench.formats.LeftOut;

/**
 * Writes CMeIE JSON Lines, one sentence a line as {@code json.dumps(..., ensure_ascii=False)}
 * writes it: each relation becomes a triple whose subject and object are its head and tail
 * mentions' text and types, {@code Combined} taken from the metadata entry
 * {@link CmeieReader#COMBINED_RELATIONS}.
 *
 * <p>A triple has no offsets, so a mention's position is not written (reading back places it at
 * the first occurrence of its text), and mentions no relation uses, concepts, attributes,
 * passages and labels are not written. A relation between concepts rather than mentions, a
 * discontinuous or blank argument, or text UTF-8 cannot encode fails with the document and
 * relation named. Ids are written as {@link CmeeeWriter} writes them.
 */
public final class CmeieWriter implements DocumentWriter {

    private record Triple(boolean combined, String predicate, String subject, String subjectType, String object,
            String objectType) {
    }

    private record Sentence(String id, String text, List<Triple> triples) {
    }

    /**
     * Writes, then tells what CMeIE has no place for: the mentions no relation uses, and of the
     * others their positions, concepts and attributes; passages, labels and metadata.
     */
    @Override
    public void write(List<Document> documents, Path target, Consumer<FormatWarning> leftOut) throws IOException, FormatException {
        write(documents, target);
        LeftOut out = new LeftOut();
        for (Document d : documents) {
            Set<String> arguments = new HashSet<>();
            d.relations().forEach(r -> {
                arguments.add(r.head());
                arguments.add(r.tail());
            });
            out.add((int) d.mentions().stream().filter(m -> !arguments.contains(m.id())).count(), "mention no relation uses",
                    "mentions no relation uses")
                    .add(d.mentions().stream().filter(m -> arguments.contains(m.id())).mapToInt(m -> 1).sum(),
                            "mention position (arguments are placed where their text first occurs)",
                            "mention positions (arguments are placed where their text first occurs)")
                    .add(d.mentions().stream().mapToInt(m -> m.normalizations().size()).sum(), "concept", "concepts")
                    .add(d.mentions().stream().mapToInt(m -> m.attributes().size()).sum(), "mention attribute", "mention attributes")
                    .add(d.passages().size(), "passage", "passages").add(d.labels().size(), "label", "labels")
                    .add((int) d.metadata().keySet().stream().filter(k -> !k.equals(CmeieReader.COMBINED_RELATIONS)).count(),
                            "metadata entry", "metadata entries");
        }
        out.report(target, "CMeIE", leftOut);
    }

    @Override
    public void write(List<Document> documents, Path target) throws IOException, FormatException {
        List<Sentence> sentences = SentenceIds.sentences(documents, target, (d, id) -> sentence(target, d, id));
        AtomicOutput.writeText(target, out -> {
            for (Sentence s : sentences) {
                try (JsonGenerator g = PythonJsonLayout.oneLine().generator(out)) {
                    g.writeStartObject();
                    if (s.id() != null) {
                        g.writeStringField("id", s.id());
                    }
                    g.writeStringField("text", s.text());
                    g.writeArrayFieldStart("spo_list");
                    for (Triple t : s.triples()) {
                        g.writeStartObject();
                        g.writeBooleanField("Combined", t.combined());
                        g.writeStringField("predicate", t.predicate());
                        g.writeStringField("subject", t.subject());
                        g.writeStringField("subject_type", t.subjectType());
                        g.writeObjectFieldStart("object");
                        g.writeStringField("@value", t.object());
                        g.writeEndObject();
                        g.writeObjectFieldStart("object_type");
                        g.writeStringField("@value", t.objectType());
                        g.writeEndObject();
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                out.write('\n');
            }
        });
    }

    private static Sentence sentence(Path target, Document d, String id) throws FormatException {
        CmeeeWriter.requireEncodable(target, d, d.text(), "its text");
        if (id != null) {
            CmeeeWriter.requireEncodable(target, d, id, "its id");
        }
        Set<String> combined = new HashSet<>(
                Arrays.asList(d.metadata().getOrDefault(CmeieReader.COMBINED_RELATIONS, "").split("\\s+")));
        List<Triple> triples = new ArrayList<>();
        for (Relation r : d.relations()) {
            EntityMention head = argument(target, d, r, r.head());
            EntityMention tail = argument(target, d, r, r.tail());
            CmeeeWriter.requireEncodable(target, d, r.type(), "the type of relation " + r.id());
            triples.add(new Triple(combined.contains(r.id()), r.type(), head.coveredText(d.text()), head.type(),
                    tail.coveredText(d.text()), tail.type()));
        }
        return new Sentence(id, d.text(), triples);
    }

    private static EntityMention argument(Path target, Document d, Relation r, String argument) throws FormatException {
        String where = "document " + d.id() + ": relation " + r.id() + " ";
        EntityMention m = d.mention(argument).orElseThrow(() -> new FormatException(target, 0, where + "argument "
                + argument + " is a concept, not a mention; a CMeIE triple names text"));
        if (m.isDiscontinuous()) {
            throw new FormatException(target, 0, where + "argument " + m.id() + " is discontinuous (" + m.spans()
                    + "); a CMeIE subject or object is one piece of text");
        }
        if (m.coveredText(d.text()).isBlank()) {
            throw new FormatException(target, 0, where + "argument " + m.id() + " covers only white space");
        }
        CmeeeWriter.requireEncodable(target, d, m.type(), "the type of mention " + m.id());
        CmeeeWriter.requireEncodable(target, d, m.coveredText(d.text()), "the text of mention " + m.id());
        return m;
    }
}
