package taiyi.workbench.formats.brat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.CodePointOffsets;
import taiyi.workbench.formats.DocumentFileName;
import taiyi.workbench.formats.DocumentReader;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.Utf8File;

/**
 * Reads brat standoff: {@code NAME.txt} with the text and {@code NAME.ann} beside it; the document
 * id is {@code NAME}.
 *
 * <p>{@link #read(Path)} takes a {@code .ann} file, a {@code .txt} file (a missing {@code .ann} means
 * a document without annotations) or a folder (every pair in it, sorted by name, not descending into
 * subfolders; other files such as {@code annotation.conf} are ignored; a {@code .ann} without its
 * {@code .txt} is an error).
 *
 * <p>brat counts offsets in Python characters, i.e. Unicode code points, over the {@code .txt} file
 * exactly as stored: a {@code \r} of a CRLF line end counts and stays in the document text. A leading
 * byte order mark is dropped from the text, but counts as character 0 as it does for brat, which
 * decodes the file without removing it.
 *
 * <p>How the lines map to the model, losslessly for what {@link BratWriter} writes back:
 * <ul>
 * <li>{@code T1\tType 0 5;10 15\ttext}: a mention with id {@code T1}; the text must equal the spans'
 * texts joined by a space.</li>
 * <li>{@code R1\tType Arg1:T1 Arg2:T2}: a relation with id {@code R1}, head {@code Arg1}, tail
 * {@code Arg2}.</li>
 * <li>{@code N1\tReference T1 MeSH:D061325\tname}: a {@link Normalization} of {@code T1}, in line
 * order; the optional name goes into the mention's attributes under {@link #NORMALIZATION_NAME}
 * followed by the concept ({@code norm_text:MeSH:D061325}). {@code N} ids are not kept.</li>
 * <li>{@code A1\tNegated T1}, {@code A2\tConfidence T1 High} (and the older {@code M}): the
 * attribute {@code Negated=true}, {@code Confidence=High} of the mention. {@code A} ids are not
 * kept.</li>
 * <li>{@code #1\tAnnotatorNotes T1\tnote}: the attribute {@link #ANNOTATOR_NOTES} of the mention.</li>
 * </ul>
 * Events ({@code E}), equivalences ({@code *}), attributes or notes of anything but a text-bound
 * annotation, and unknown line kinds are refused with their line; so are references to unknown
 * ids.
 */
public final class BratReader implements DocumentReader {

    /** Attribute key prefix holding the name an {@code N} line gives its concept. */
    public static final String NORMALIZATION_NAME = "norm_text:";
    /** Attribute key holding a {@code #} annotator note. */
    public static final String ANNOTATOR_NOTES = "AnnotatorNotes";

    private static final Pattern OFFSET = Pattern.compile("\\d{1,10}");
    private static final Pattern ARGUMENT = Pattern.compile("([^:\\s]+):(\\S+)");

    @Override
    public List<Document> read(Path path) throws FormatException {
        if (Files.isDirectory(path)) {
            return readFolder(path);
        }
        String name = path.getFileName().toString();
        if (name.endsWith(".txt")) {
            Path ann = sibling(path, ".ann");
            return List.of(readPair(path, Files.exists(ann) ? ann : null));
        }
        if (name.endsWith(".ann")) {
            Path txt = sibling(path, ".txt");
            if (!Files.isRegularFile(txt)) {
                throw new FormatException(path, 0, "no text file " + txt.getFileName() + " beside the annotations");
            }
            return List.of(readPair(txt, path));
        }
        if (!Files.exists(path)) {
            throw new FormatException(path, 0, "no such file or folder");
        }
        throw new FormatException(path, 0, "expected a brat .txt or .ann file or a folder of them");
    }

    private List<Document> readFolder(Path folder) throws FormatException {
        Map<String, Path> texts = new TreeMap<>();
        Map<String, Path> annotations = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".txt")) {
                    texts.put(DocumentFileName.stem(p), p);
                } else if (name.endsWith(".ann")) {
                    annotations.put(DocumentFileName.stem(p), p);
                }
            }
        } catch (IOException e) {
            throw new FormatException(folder, 0, "cannot list: " + e, e);
        }
        for (Map.Entry<String, Path> a : annotations.entrySet()) {
            if (!texts.containsKey(a.getKey())) {
                throw new FormatException(a.getValue(), 0, "no text file " + a.getKey() + ".txt beside the annotations");
            }
        }
        List<Document> documents = new ArrayList<>();
        for (Map.Entry<String, Path> t : texts.entrySet()) {
            documents.add(readPair(t.getValue(), annotations.get(t.getKey())));
        }
        return documents;
    }

    private static Path sibling(Path file, String extension) {
        return file.resolveSibling(DocumentFileName.stem(file) + extension);
    }

    private static Document readPair(Path txt, Path ann) throws FormatException {
        String id = DocumentFileName.stem(txt);
        if (id.isBlank()) {
            throw new FormatException(txt, 0, "file name gives no document id");
        }
        String raw = Utf8File.read(txt);
        String text = Utf8File.withoutByteOrderMark(raw);
        OffsetMap offsets = new OffsetMap(raw, raw.length() - text.length());
        if (ann == null) {
            return new Document(id, Language.detect(text), text, List.of(), Map.of(), List.of(), List.of(), List.of());
        }
        return new AnnotationFile(ann, id, text, offsets).parse();
    }

    /** brat's code point offsets to UTF-16 indices into the text without its byte order mark. */
    private static final class OffsetMap {
        final CodePointOffsets codePoints;
        final int shift;

        OffsetMap(String raw, int shift) {
            this.shift = shift;
            codePoints = new CodePointOffsets(raw);
        }

        int codePoints() {
            return codePoints.codePointCount();
        }

        /** The UTF-16 index, or -1 for an offset at the byte order mark. */
        int toChar(int codePoint) {
            return codePoints.toUtf16(codePoint) - shift;
        }
    }

    /** One {@code .ann} file being parsed: text-bound annotations first, so later lines may refer forward. */
    private static final class AnnotationFile {
        final Path ann;
        final String documentId;
        final String text;
        final OffsetMap offsets;
        final Map<String, MentionDraft> mentions = new LinkedHashMap<>();
        final Map<String, Integer> idLines = new HashMap<>();
        final List<Relation> relations = new ArrayList<>();

        AnnotationFile(Path ann, String documentId, String text, OffsetMap offsets) {
            this.ann = ann;
            this.documentId = documentId;
            this.text = text;
            this.offsets = offsets;
        }

        Document parse() throws FormatException {
            String[] lines = Utf8File.withoutByteOrderMark(Utf8File.read(ann)).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                lines[i] = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            }
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String line = lines[i];
                int lineNo = i + 1;
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw error(lineNo, "expected an id, a tab and an annotation, found '" + abbreviate(line) + "'");
                }
                String annotationId = line.substring(0, tab);
                Integer earlier = idLines.putIfAbsent(annotationId, lineNo);
                if (earlier != null) {
                    throw error(lineNo, "id " + annotationId + " already used on line " + earlier);
                }
                switch (annotationId.charAt(0)) {
                    case 'T' -> parseTextBound(lineNo, annotationId, line.substring(tab + 1));
                    case 'R', 'N', 'A', 'M', '#' -> {
                        // resolved in the second pass
                    }
                    case 'E' -> throw error(lineNo, "events (E lines) are not supported");
                    case '*' -> throw error(lineNo, "equivalences (* lines) are not supported");
                    default -> throw error(lineNo, "unknown annotation kind '" + annotationId
                            + "' (expected T, R, N, A, M or # ids)");
                }
            }
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String line = lines[i];
                int tab = line.indexOf('\t');
                String annotationId = line.substring(0, tab);
                String rest = line.substring(tab + 1);
                switch (annotationId.charAt(0)) {
                    case 'R' -> parseRelation(i + 1, annotationId, rest);
                    case 'N' -> parseNormalization(i + 1, rest);
                    case 'A', 'M' -> parseAttribute(i + 1, rest);
                    case '#' -> parseNote(i + 1, rest);
                    default -> {
                        // text-bound annotations were read in the first pass
                    }
                }
            }
            List<EntityMention> built = new ArrayList<>();
            for (MentionDraft m : mentions.values()) {
                built.add(new EntityMention(m.id, m.type, m.spans, m.normalizations, m.attributes));
            }
            try {
                return new Document(documentId, Language.detect(text), text, List.of(), Map.of(), List.of(), built,
                        relations);
            } catch (IllegalArgumentException e) {
                throw error(0, e.getMessage());
            }
        }

        private void parseTextBound(int lineNo, String id, String rest) throws FormatException {
            String[] fields = rest.split("\t", 2);
            if (fields.length < 2) {
                throw error(lineNo, "text-bound annotation " + id + " lacks its text (expected ID\\tType start end\\ttext)");
            }
            int space = fields[0].indexOf(' ');
            if (space <= 0) {
                throw error(lineNo, "expected 'Type start end' before the text, found '" + abbreviate(fields[0]) + "'");
            }
            String type = fields[0].substring(0, space);
            List<Span> spans = new ArrayList<>();
            for (String range : fields[0].substring(space + 1).split(";", -1)) {
                String[] ends = range.split(" ", -1);
                if (ends.length != 2) {
                    throw error(lineNo, "span '" + range + "' is not 'start end'");
                }
                int start = offset(lineNo, ends[0]);
                int end = offset(lineNo, ends[1]);
                if (end <= start) {
                    throw error(lineNo, "span end " + end + " is not after its start " + start);
                }
                int from = offsets.toChar(start);
                if (from < 0) {
                    throw error(lineNo, "span " + start + "-" + end + " starts at the byte order mark");
                }
                Span span = new Span(from, offsets.toChar(end));
                if (!spans.isEmpty() && span.start() < spans.get(spans.size() - 1).end()) {
                    throw error(lineNo, "spans of " + id + " are not in order or overlap");
                }
                spans.add(span);
            }
            MentionDraft m = new MentionDraft(id, type, spans);
            String covered = String.join(" ", spans.stream().map(s -> text.substring(s.start(), s.end())).toList());
            if (!covered.equals(fields[1])) {
                throw error(lineNo, "text '" + abbreviate(fields[1]) + "' of " + id + " does not match the document text '"
                        + abbreviate(covered) + "' at " + fields[0].substring(space + 1));
            }
            mentions.put(id, m);
        }

        private int offset(int lineNo, String value) throws FormatException {
            if (!OFFSET.matcher(value).matches()) {
                throw error(lineNo, "offset '" + abbreviate(value) + "' is not a number");
            }
            long v = Long.parseLong(value);
            if (v > offsets.codePoints()) {
                throw error(lineNo, "offset " + value + " is past the end of the text (" + offsets.codePoints()
                        + " characters)");
            }
            return (int) v;
        }

        private void parseRelation(int lineNo, String id, String rest) throws FormatException {
            String[] fields = rest.split("\t", -1);
            if (fields.length > 2 || fields.length == 2 && !fields[1].isEmpty()) {
                throw error(lineNo, "unexpected text after relation " + id);
            }
            String[] parts = fields[0].split(" ", -1);
            if (parts.length != 3 || parts[0].isEmpty()) {
                throw error(lineNo, "expected 'Type Arg1:T1 Arg2:T2', found '" + abbreviate(fields[0]) + "'");
            }
            Map<String, String> args = new HashMap<>();
            for (int i = 1; i < 3; i++) {
                Matcher m = ARGUMENT.matcher(parts[i]);
                if (!m.matches()) {
                    throw error(lineNo, "relation argument '" + parts[i] + "' is not Role:Id");
                }
                if (args.put(m.group(1), mentionId(lineNo, m.group(2))) != null) {
                    throw error(lineNo, "relation names role " + m.group(1) + " twice");
                }
            }
            if (!args.containsKey("Arg1") || !args.containsKey("Arg2")) {
                throw error(lineNo, "relation arguments must be Arg1 and Arg2, found " + parts[1] + " " + parts[2]);
            }
            relations.add(new Relation(id, parts[0], args.get("Arg1"), args.get("Arg2")));
        }

        private void parseNormalization(int lineNo, String rest) throws FormatException {
            String[] fields = rest.split("\t", 2);
            String[] parts = fields[0].split(" ", -1);
            if (parts.length != 3) {
                throw error(lineNo, "expected 'Reference T1 db:id', found '" + abbreviate(fields[0]) + "'");
            }
            if (!parts[0].equals("Reference")) {
                throw error(lineNo, "normalisation type '" + parts[0] + "' is not Reference");
            }
            MentionDraft m = mentions.get(mentionId(lineNo, parts[1]));
            Normalization n;
            try {
                n = Normalization.parse(parts[2]);
            } catch (IllegalArgumentException e) {
                throw error(lineNo, "empty concept");
            }
            m.normalizations.add(n);
            if (fields.length == 2 && !fields[1].isEmpty()) {
                String key = NORMALIZATION_NAME + n;
                String earlier = m.attributes.putIfAbsent(key, fields[1]);
                if (earlier != null && !earlier.equals(fields[1])) {
                    throw error(lineNo, "concept " + n + " of " + m.id + " already has the name '" + earlier + "'");
                }
            }
        }

        private void parseAttribute(int lineNo, String rest) throws FormatException {
            String[] fields = rest.split("\t", -1);
            if (fields.length > 2 || fields.length == 2 && !fields[1].isEmpty()) {
                throw error(lineNo, "unexpected text after the attribute");
            }
            String[] parts = fields[0].split(" ", 3);
            if (parts.length < 2 || parts[0].isEmpty() || parts.length == 3 && parts[2].isEmpty()) {
                throw error(lineNo, "expected 'Name T1' or 'Name T1 Value', found '" + abbreviate(fields[0]) + "'");
            }
            String name = parts[0];
            if (name.equals(ANNOTATOR_NOTES) || name.startsWith(NORMALIZATION_NAME)) {
                throw error(lineNo, "attribute name '" + name + "' is reserved for notes and concept names");
            }
            MentionDraft m = mentions.get(mentionId(lineNo, parts[1]));
            if (m.attributes.putIfAbsent(name, parts.length == 3 ? parts[2] : "true") != null) {
                throw error(lineNo, m.id + " already has the attribute " + name);
            }
        }

        private void parseNote(int lineNo, String rest) throws FormatException {
            String[] fields = rest.split("\t", 2);
            String[] parts = fields[0].split(" ", -1);
            if (parts.length != 2 || fields.length < 2) {
                throw error(lineNo, "expected 'AnnotatorNotes T1' and the note, found '" + abbreviate(rest) + "'");
            }
            if (!parts[0].equals(ANNOTATOR_NOTES)) {
                throw error(lineNo, "note type '" + parts[0] + "' is not AnnotatorNotes");
            }
            MentionDraft m = mentions.get(mentionId(lineNo, parts[1]));
            if (m.attributes.putIfAbsent(ANNOTATOR_NOTES, fields[1]) != null) {
                throw error(lineNo, m.id + " already has a note");
            }
        }

        /** The id, which must name a text-bound annotation of this file. */
        private String mentionId(int lineNo, String id) throws FormatException {
            if (mentions.containsKey(id)) {
                return id;
            }
            if (idLines.containsKey(id)) {
                throw error(lineNo, id + " is not a text-bound annotation; only those can be referred to here");
            }
            throw error(lineNo, "unknown annotation id " + id);
        }

        private FormatException error(int lineNo, String reason) {
            return new FormatException(ann, lineNo, reason);
        }

        private static String abbreviate(String s) {
            return s.length() <= 80 ? s : s.substring(0, 77) + "...";
        }
    }

    /** A mention while its N, A and # lines are still being collected. */
    private static final class MentionDraft {
        final String id;
        final String type;
        final List<Span> spans;
        final List<Normalization> normalizations = new ArrayList<>();
        final Map<String, String> attributes = new LinkedHashMap<>();

        MentionDraft(String id, String type, List<Span> spans) {
            this.id = id;
            this.type = type;
            this.spans = spans;
        }
    }
}
