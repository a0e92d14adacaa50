package taiyi.workbench.formats.brat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.AtomicOutput;
import taiyi.workbench.formats.DocumentFileName;
import taiyi.workbench.formats.DocumentWriter;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.FormatWarning;
import taiyi.workbench.formats.LeftOut;

/**
 * Writes brat standoff: a folder with {@code ID.txt} and {@code ID.ann} per document, which
 * {@link BratReader} reads back into equal documents.
 *
 * <p>Each mention is written as its {@code T} line followed by its {@code N} lines (a name from the
 * {@link BratReader#NORMALIZATION_NAME} attribute as their text), its {@code A} lines (an attribute
 * whose value is {@code true} as a binary attribute) and its {@code #} note; then the relations.
 * Mention ids of the form {@code T<n>} and relation ids of the form {@code R<n>} are kept, others
 * renumbered past the highest kept one, relations following their mentions.
 *
 * <p>brat has no place for passages, metadata, document labels or relation evidence; they are not
 * written. What brat could hold but not in this shape is refused, naming document and mention or
 * relation: relations between concepts rather than mentions, mention text containing a line break,
 * span ends inside a surrogate pair, types or attribute names with white space, values with tabs or
 * line breaks, and a text starting with U+FEFF (it would read back as a byte order mark).
 */
public final class BratWriter implements DocumentWriter {

    private static final Pattern MENTION_ID = Pattern.compile("T\\d+");
    private static final Pattern RELATION_ID = Pattern.compile("R\\d+");
    private static final Pattern NAME = Pattern.compile("\\S+");

    /** Writes, then tells what brat has no place for: passages, metadata, labels, relation evidence. */
    @Override
    public void write(List<Document> documents, Path folder, Consumer<FormatWarning> leftOut) throws IOException, FormatException {
        write(documents, folder);
        LeftOut out = new LeftOut();
        for (Document d : documents) {
            out.add(d.passages().size(), "passage", "passages").add(d.labels().size(), "label", "labels")
                    .add(d.metadata().size(), "metadata entry", "metadata entries")
                    .add(d.relations().stream().mapToInt(r -> r.evidence().size()).sum(), "relation evidence span",
                            "relation evidence spans");
        }
        out.report(folder, "brat", leftOut);
    }

    @Override
    public void write(List<Document> documents, Path folder) throws IOException, FormatException {
        DocumentFileName.checkAll(documents, folder);
        List<String> annotations = new ArrayList<>();
        for (Document d : documents) {
            annotations.add(annotationsOf(d, folder));
        }
        AtomicOutput.writeFolder(folder, tmp -> {
            for (int i = 0; i < documents.size(); i++) {
                Document d = documents.get(i);
                Files.writeString(tmp.resolve(d.id() + ".txt"), d.text(), StandardCharsets.UTF_8);
                Files.writeString(tmp.resolve(d.id() + ".ann"), annotations.get(i), StandardCharsets.UTF_8);
            }
        });
    }

    /** The {@code .ann} content of one document. */
    static String annotationsOf(Document d, Path folder) throws FormatException {
        String text = d.text();
        if (text.startsWith("\uFEFF")) {
            throw refuse(folder, d, "its text starts with U+FEFF, which would be read back as a byte order mark");
        }
        Map<String, String> mentionIds = renumber(d.mentions().stream().map(EntityMention::id).toList(), MENTION_ID, "T");
        Map<String, String> relationIds = renumber(d.relations().stream().map(Relation::id).toList(), RELATION_ID, "R");
        StringBuilder out = new StringBuilder();
        int normalizationNo = 0;
        int attributeNo = 0;
        int noteNo = 0;
        for (EntityMention m : d.mentions()) {
            String id = mentionIds.get(m.id());
            String what = "mention " + m.id();
            checkName(folder, d, what, "type", m.type());
            List<String> ranges = new ArrayList<>();
            for (Span s : m.spans()) {
                ranges.add(codePoint(folder, d, what, text, s.start()) + " " + codePoint(folder, d, what, text, s.end()));
            }
            String covered = m.coveredText(text);
            checkOneLine(folder, d, what, "text", covered, true);
            out.append(id).append('\t').append(m.type()).append(' ').append(String.join(";", ranges)).append('\t')
                    .append(covered).append('\n');
            Set<String> concepts = new HashSet<>();
            for (Normalization n : m.normalizations()) {
                String concept = n.toString();
                if (concept.chars().anyMatch(Character::isWhitespace) || !Normalization.parse(concept).equals(n)) {
                    throw refuse(folder, d, what + ": concept '" + concept + "' contains white space or would read back"
                            + " as another db:id split");
                }
                concepts.add(concept);
                out.append('N').append(++normalizationNo).append("\tReference ").append(id).append(' ').append(concept);
                String name = m.attributes().get(BratReader.NORMALIZATION_NAME + concept);
                if (name != null) {
                    if (name.isEmpty()) {
                        throw refuse(folder, d, what + ": concept " + concept + " has an empty name");
                    }
                    checkOneLine(folder, d, what, "concept name", name, true);
                    out.append('\t').append(name);
                }
                out.append('\n');
            }
            String note = null;
            for (Map.Entry<String, String> a : m.attributes().entrySet()) {
                String key = a.getKey();
                String value = a.getValue();
                if (key.equals(BratReader.ANNOTATOR_NOTES)) {
                    checkOneLine(folder, d, what, "note", value, true);
                    note = value;
                } else if (key.startsWith(BratReader.NORMALIZATION_NAME)) {
                    if (!concepts.contains(key.substring(BratReader.NORMALIZATION_NAME.length()))) {
                        throw refuse(folder, d, what + ": attribute " + key + " names a concept the mention does not have");
                    }
                } else {
                    checkName(folder, d, what, "attribute name", key);
                    out.append('A').append(++attributeNo).append('\t').append(key).append(' ').append(id);
                    if (!value.equals("true")) {
                        if (value.isEmpty()) {
                            throw refuse(folder, d, what + ": attribute " + key + " has an empty value");
                        }
                        checkOneLine(folder, d, what, "value of attribute " + key, value, false);
                        out.append(' ').append(value);
                    }
                    out.append('\n');
                }
            }
            if (note != null) {
                out.append('#').append(++noteNo).append('\t').append(BratReader.ANNOTATOR_NOTES).append(' ').append(id)
                        .append('\t').append(note).append('\n');
            }
        }
        for (Relation r : d.relations()) {
            String what = "relation " + r.id();
            checkName(folder, d, what, "type", r.type());
            String head = mentionIds.get(r.head());
            String tail = mentionIds.get(r.tail());
            if (head == null || tail == null) {
                throw refuse(folder, d, what + " (" + r.type() + ") relates concepts (" + r.head() + ", " + r.tail()
                        + "), not mentions; brat relations join text-bound annotations only");
            }
            out.append(relationIds.get(r.id())).append('\t').append(r.type()).append(" Arg1:").append(head)
                    .append(" Arg2:").append(tail).append('\n');
        }
        return out.toString();
    }

    /** Ids that already have brat's shape kept, the rest numbered on from the highest kept one. */
    private static Map<String, String> renumber(List<String> ids, Pattern shape, String prefix) {
        Map<String, String> out = new HashMap<>();
        Set<String> used = new HashSet<>();
        long next = 0;
        for (String id : ids) {
            if (shape.matcher(id).matches()) {
                out.put(id, id);
                used.add(id);
                next = Math.max(next, parseOrZero(id.substring(1)));
            }
        }
        for (String id : ids) {
            if (!out.containsKey(id)) {
                String fresh;
                do {
                    fresh = prefix + ++next;
                } while (used.contains(fresh));
                out.put(id, fresh);
                used.add(fresh);
            }
        }
        return out;
    }

    private static long parseOrZero(String digits) {
        return digits.length() > 15 ? 0 : Long.parseLong(digits);
    }

    private static int codePoint(Path folder, Document d, String what, String text, int index) throws FormatException {
        if (index > 0 && index < text.length() && Character.isHighSurrogate(text.charAt(index - 1))
                && Character.isLowSurrogate(text.charAt(index))) {
            throw refuse(folder, d, what + ": span boundary " + index + " falls inside a surrogate pair");
        }
        return text.codePointCount(0, index);
    }

    private static void checkName(Path folder, Document d, String what, String kind, String name) throws FormatException {
        if (!NAME.matcher(name).matches()) {
            throw refuse(folder, d, what + ": " + kind + " '" + name + "' is empty or contains white space");
        }
    }

    private static void checkOneLine(Path folder, Document d, String what, String kind, String value, boolean tabAllowed)
            throws FormatException {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || !tabAllowed && value.indexOf('\t') >= 0) {
            throw refuse(folder, d, what + ": " + kind + " contains a " + (tabAllowed ? "" : "tab or ")
                    + "line break, which brat cannot hold");
        }
    }

    private static FormatException refuse(Path folder, Document d, String reason) {
        return new FormatException(folder, 0, "document " + d.id() + ": " + reason);
    }
}
