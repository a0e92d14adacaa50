package taiyi.workbench.formats.pubtator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.DocumentReader;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.FormatWarning;
import taiyi.workbench.formats.UnterminatedLastLine;
import taiyi.workbench.formats.Utf8File;

/**
 * Reads PubTator files.
 *
 * <p>The document text is the title, one space, then the abstract: the convention PubTator's
 * offsets count in. Every mention's text must equal the document text at its offsets, save for white
 * space after it in its column, which is dropped (one mention of NCBI-disease's training set has it). The concept
 * column may hold several ids joined by {@code |} (composite mentions) or {@code -1} for none.
 */
public final class PubTatorReader implements DocumentReader {

    /** The attribute holding the 7th column: the individual mentions of a composite mention. */
    public static final String COMPOSITE_PARTS = "composite_parts";
    /**
     * The attribute keeping the concept column as written where it says more than the concepts read
     * from it ({@code D002544|-1}, {@code  D008661}), so that the writer gives the file back as it was.
     */
    public static final String CONCEPT_IDS = "concept_ids";
    /** The concept column's "no concept" value. */
    static final String NO_CONCEPT = "-1";

    /** The concepts of a concept column: ids joined by {@code |}, blanks and {@code -1} skipped. */
    static List<Normalization> concepts(String column) {
        List<Normalization> concepts = new ArrayList<>();
        for (String c : column.split("\\|")) {
            if (!c.isBlank() && !c.strip().equals(NO_CONCEPT)) {
                concepts.add(Normalization.parse(c));
            }
        }
        return concepts;
    }

    /** The concept column as the writer writes it when nothing else is known. */
    static String conceptColumn(List<Normalization> concepts) {
        return concepts.isEmpty() ? NO_CONCEPT : String.join("|", concepts.stream().map(Normalization::toString).toList());
    }

    @Override
    public List<Document> read(Path file) throws FormatException {
        return read(file, warning -> {
        });
    }

    /** Reads the file, warning when its last line has no line end (the file may have been cut short). */
    @Override
    public List<Document> read(Path file, Consumer<FormatWarning> warnings) throws FormatException {
        List<Document> documents = new ArrayList<>();
        String text = Utf8File.read(file);
        List<String> lines = Utf8File.lines(text);
        DocumentBuilder current = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                if (current != null) {
                    documents.add(current.build(file));
                    current = null;
                }
                continue;
            }
            int bar = line.indexOf('|');
            int tab = line.indexOf('\t');
            if (bar > 0 && (tab < 0 || bar < tab) && line.length() > bar + 2 && line.charAt(bar + 2) == '|') {
                String pmid = line.substring(0, bar);
                char kind = line.charAt(bar + 1);
                String body = line.substring(bar + 3);
                if (current != null && !current.pmid.equals(pmid)) {
                    documents.add(current.build(file));
                    current = null;
                }
                if (current == null) {
                    current = new DocumentBuilder(pmid, lineNo);
                }
                current.addPassage(file, lineNo, kind, body);
            } else if (tab > 0) {
                if (current == null) {
                    throw new FormatException(file, lineNo, "annotation line before any title or abstract line");
                }
                current.addAnnotation(file, lineNo, line.split("\t", -1));
            } else {
                throw new FormatException(file, lineNo, "unknown line kind: expected PMID|t|, PMID|a| or a tab-separated annotation");
            }
        }
        if (current != null) {
            documents.add(current.build(file));
        }
        UnterminatedLastLine.check(file, text, documents, warnings);
        return documents;
    }

    /** Collects one document's lines; passages first, then annotations. */
    private static final class DocumentBuilder {
        final String pmid;
        final int firstLine;
        final StringBuilder text = new StringBuilder();
        final List<Passage> passages = new ArrayList<>();
        final List<EntityMention> mentions = new ArrayList<>();
        final List<Relation> relations = new ArrayList<>();
        final List<Integer> relationLines = new ArrayList<>();

        DocumentBuilder(String pmid, int firstLine) {
            this.pmid = pmid;
            this.firstLine = firstLine;
        }

        void addPassage(Path file, int lineNo, char kind, String body) throws FormatException {
            if (!mentions.isEmpty() || !relations.isEmpty()) {
                throw new FormatException(file, lineNo, "text line after annotation lines of document " + pmid);
            }
            String type = switch (kind) {
                case 't' -> "title";
                case 'a' -> "abstract";
                default -> throw new FormatException(file, lineNo, "unknown passage kind '" + kind + "' (expected t or a)");
            };
            if (passages.stream().anyMatch(p -> p.type().equals(type))) {
                throw new FormatException(file, lineNo, "second " + type + " line for document " + pmid);
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            int start = text.length();
            text.append(body);
            if (!body.isEmpty()) {
                passages.add(new Passage(type, new Span(start, text.length())));
            }
        }

        void addAnnotation(Path file, int lineNo, String[] cols) throws FormatException {
            if (!cols[0].equals(pmid)) {
                throw new FormatException(file, lineNo, "annotation for PMID " + cols[0] + " inside document " + pmid);
            }
            if (cols.length == 4) {
                if (cols[1].isBlank() || cols[2].isBlank() || cols[3].isBlank()) {
                    throw new FormatException(file, lineNo, "relation line with an empty type or argument");
                }
                relations.add(new Relation("R" + (relations.size() + 1), cols[1], cols[2], cols[3]));
                relationLines.add(lineNo);
                return;
            }
            if (cols.length < 5 || cols.length > 7) {
                throw new FormatException(file, lineNo, "expected 4 (relation) or 5 to 7 (mention) tab-separated columns, found " + cols.length);
            }
            int start = offset(file, lineNo, cols[1], "start");
            int end = offset(file, lineNo, cols[2], "end");
            if (end <= start) {
                throw new FormatException(file, lineNo, "mention end " + end + " is not after its start " + start);
            }
            if (end > text.length()) {
                throw new FormatException(file, lineNo, "mention " + start + "-" + end + " ends past the text of document "
                        + pmid + " (length " + text.length() + ")");
            }
            String covered = text.substring(start, end);
            // NCBI's training set pads a few mention columns with trailing spaces; the offsets are right
            if (!covered.equals(cols[3]) && !covered.equals(cols[3].stripTrailing())) {
                throw new FormatException(file, lineNo, "mention text '" + cols[3] + "' does not match the document text '"
                        + covered + "' at " + start + "-" + end);
            }
            if (cols[4].isBlank()) {
                throw new FormatException(file, lineNo, "mention has an empty type");
            }
            List<Normalization> concepts = cols.length > 5 ? concepts(cols[5]) : List.of();
            Map<String, String> attributes = new LinkedHashMap<>();
            if (cols.length > 6) {
                attributes.put(COMPOSITE_PARTS, cols[6]);
            }
            if (cols.length > 5 && !cols[5].equals(conceptColumn(concepts))) {
                attributes.put(CONCEPT_IDS, cols[5]);
            }
            mentions.add(new EntityMention("T" + (mentions.size() + 1), cols[4], List.of(new Span(start, end)), concepts,
                    attributes));
        }

        private static int offset(Path file, int lineNo, String value, String column) throws FormatException {
            try {
                int v = Integer.parseInt(value.trim());
                if (v < 0) {
                    throw new FormatException(file, lineNo, column + " offset " + value + " is negative");
                }
                return v;
            } catch (NumberFormatException e) {
                throw new FormatException(file, lineNo, column + " offset '" + value + "' is not a number", e);
            }
        }

        Document build(Path file) throws FormatException {
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("pmid", pmid);
            String body = text.toString();
            for (int i = 0; i < relations.size(); i++) {
                Relation r = relations.get(i);
                for (String arg : List.of(r.head(), r.tail())) {
                    if (mentions.stream().noneMatch(m -> m.isNormalizedTo(arg))) {
                        throw new FormatException(file, relationLines.get(i), r.type() + " relation names concept " + arg
                                + ", which no mention of document " + pmid + " is normalised to");
                    }
                }
            }
            try {
                return new Document(pmid, Language.detect(body), body, passages, metadata, mentions, relations);
            } catch (IllegalArgumentException e) {
                throw new FormatException(file, firstLine, e.getMessage(), e);
            }
        }
    }
}
