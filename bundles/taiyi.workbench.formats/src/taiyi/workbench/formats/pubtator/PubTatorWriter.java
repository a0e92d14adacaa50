package taiyi.workbench.formats.pubtator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.AtomicOutput;
import taiyi.workbench.formats.CompositeMentions;
import taiyi.workbench.formats.DocumentWriter;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.FormatWarning;
import taiyi.workbench.formats.LeftOut;

/**
 * Writes PubTator files: {@code PMID|t|title} and {@code PMID|a|abstract}, mention lines
 * {@code PMID start end text type concepts[ composite parts]} (concepts joined by {@code |},
 * {@code -1} for none, or the column as read, {@link PubTatorReader#CONCEPT_IDS}, where it still names
 * these concepts; the 7th column from {@link PubTatorReader#COMPOSITE_PARTS}), relation lines
 * {@code PMID type concept concept}, and a blank line after each document. The PMID is the
 * document id; offsets are UTF-16 indices, as {@link PubTatorReader} reads them.
 *
 * <p>The text lines are chosen so that {@link PubTatorReader} rebuilds the document's text and
 * passages exactly (title, one space, abstract; an empty or missing line where the document has
 * no such passage). A document without passages is written whole as its title, with no abstract
 * line, since an empty abstract line would add a space to its text; read back, it has one title
 * passage. Passages of other kinds, or title and abstract laid out otherwise, cannot be expressed
 * and fail, as do discontinuous mentions, relations whose arguments are mention ids rather than
 * concepts (PubTator relates concepts), line breaks in the text and tabs or line breaks in a
 * column. The individual mentions of a composite (see {@link CompositeMentions}) are not lines of
 * their own: their texts make the composite's 7th column, where it has no {@code composite_parts}
 * attribute, and their spans and concepts are left out. Not written either: mention and relation
 * ids (they become positions), other mention attributes, relation evidence, metadata and labels.
 */
public final class PubTatorWriter implements DocumentWriter {

    @Override
    public void write(List<Document> documents, Path target) throws IOException, FormatException {
        List<String> blocks = new ArrayList<>();
        for (Document d : documents) {
            blocks.add(block(target, d));
        }
        AtomicOutput.writeText(target, out -> {
            for (String block : blocks) {
                out.write(block);
            }
        });
    }

    /**
     * Writes, then tells what PubTator has no place for: the spans and concepts of composites'
     * individual mentions, other mention attributes, relation evidence, metadata and labels.
     */
    @Override
    public void write(List<Document> documents, Path target, Consumer<FormatWarning> leftOut) throws IOException, FormatException {
        write(documents, target);
        LeftOut out = new LeftOut();
        for (Document d : documents) {
            Set<EntityMention> parts = new HashSet<>();
            CompositeMentions.partsByComposite(d).values().forEach(parts::addAll);
            out.add(parts.size(), "individual mention (its text is in the 7th column)",
                    "individual mentions (their texts are in the 7th column)");
            out.add(d.mentions().stream().filter(m -> !parts.contains(m))
                    .mapToInt(m -> (int) m.attributes().keySet().stream()
                            .filter(k -> !k.equals(PubTatorReader.COMPOSITE_PARTS) && !k.equals(PubTatorReader.CONCEPT_IDS)).count())
                    .sum(), "mention attribute", "mention attributes");
            out.add(d.relations().stream().mapToInt(r -> r.evidence().size()).sum(), "relation evidence span",
                    "relation evidence spans");
            out.add((int) d.metadata().entrySet().stream().filter(e -> !(e.getKey().equals("pmid") && e.getValue().equals(d.id())))
                    .count(), "metadata entry", "metadata entries");
            out.add(d.labels().size(), "label", "labels");
        }
        out.report(target, "PubTator", leftOut);
    }

    private static String block(Path target, Document d) throws FormatException {
        String pmid = d.id();
        if (pmid.indexOf('|') >= 0 || hasLineOrColumnBreak(pmid) || pmid.startsWith("\uFEFF")) {
            throw new FormatException(target, 0, "document id '" + pmid + "' cannot be a PMID: it holds a '|', tab or line break");
        }
        StringBuilder out = new StringBuilder();
        for (TextLine line : textLines(target, d)) {
            out.append(pmid).append('|').append(line.kind()).append('|').append(line.body()).append('\n');
        }
        String text = d.text();
        Map<String, List<EntityMention>> partsOf = CompositeMentions.partsByComposite(d);
        Set<EntityMention> parts = new HashSet<>();
        partsOf.values().forEach(parts::addAll);
        for (EntityMention m : d.mentions()) {
            if (parts.contains(m)) {
                continue;
            }
            String what = "document " + pmid + ": mention " + m.id();
            if (m.isDiscontinuous()) {
                throw new FormatException(target, 0, what + " is discontinuous (" + m.spans() + "); PubTator mentions are one range");
            }
            String covered = text.substring(m.start(), m.end());
            out.append(pmid).append('\t').append(m.start()).append('\t').append(m.end())
                    .append('\t').append(column(target, what + " text", covered))
                    .append('\t').append(column(target, what + " type", m.type()))
                    .append('\t').append(concepts(target, what, m));
            String seventh = seventhColumn(d, m, partsOf.getOrDefault(m.id(), List.of()));
            if (seventh != null) {
                out.append('\t').append(column(target, what + " " + PubTatorReader.COMPOSITE_PARTS, seventh));
            }
            out.append('\n');
        }
        for (Relation r : d.relations()) {
            String what = "document " + pmid + ": relation " + r.id();
            for (String argument : List.of(r.head(), r.tail())) {
                if (d.mentions().stream().noneMatch(m -> m.isNormalizedTo(argument))) {
                    throw new FormatException(target, 0, what + " argument " + argument
                            + " is a mention, not a concept; PubTator relates concepts");
                }
            }
            out.append(pmid).append('\t').append(column(target, what + " type", r.type()))
                    .append('\t').append(column(target, what + " head", r.head()))
                    .append('\t').append(column(target, what + " tail", r.tail())).append('\n');
        }
        out.append('\n');
        int unencodable = firstUnpairedSurrogate(out);
        if (unencodable >= 0) {
            throw new FormatException(target, 0, "document " + pmid + " holds an unpaired surrogate, which UTF-8 cannot hold");
        }
        return out.toString();
    }

    /**
     * The composite's parts: its {@code composite_parts} attribute (as read from PubTator), else the
     * texts of its individual mentions (as read from BioC) joined by {@code |}; null when it has none.
     */
    private static String seventhColumn(Document d, EntityMention m, List<EntityMention> parts) {
        String attribute = m.attributes().get(PubTatorReader.COMPOSITE_PARTS);
        if (attribute != null || parts.isEmpty()) {
            return attribute;
        }
        return String.join("|", parts.stream().map(p -> CompositeMentions.partText(p, d.text())).toList());
    }

    private static String concepts(Path target, String what, EntityMention m) throws FormatException {
        List<Normalization> normalizations = m.normalizations();
        String asWritten = m.attributes().get(PubTatorReader.CONCEPT_IDS);
        // the column as the file had it ("D002544|-1"), where it still says these concepts
        if (asWritten != null && !hasLineOrColumnBreak(asWritten) && PubTatorReader.concepts(asWritten).equals(normalizations)) {
            return asWritten;
        }
        if (normalizations.isEmpty()) {
            return PubTatorReader.NO_CONCEPT;
        }
        List<String> ids = new ArrayList<>();
        for (Normalization n : normalizations) {
            String id = n.toString();
            // the reader splits on '|', drops -1 and parses db:id; a concept that would come back different is refused
            if (id.indexOf('|') >= 0 || hasLineOrColumnBreak(id) || id.strip().equals(PubTatorReader.NO_CONCEPT)
                    || !Normalization.parse(id).equals(n)) {
                throw new FormatException(target, 0, what + ": concept '" + id + "' cannot be written as a PubTator concept id");
            }
            ids.add(id);
        }
        return String.join("|", ids);
    }

    private static String column(Path target, String what, String value) throws FormatException {
        if (hasLineOrColumnBreak(value)) {
            throw new FormatException(target, 0, what + " '" + value + "' holds a tab or line break, which would break its line");
        }
        return value;
    }

    private static boolean hasLineOrColumnBreak(String s) {
        return s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    private static int firstUnpairedSurrogate(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A {@code PMID|kind|body} line. */
    private record TextLine(char kind, String body) {
    }

    /**
     * The title and abstract lines from which the reader rebuilds the document's text and passages
     * exactly. Where a passage is missing, its line may be left out or written empty, and the two
     * give different texts ({@code "X"} and {@code "X "}), so each choice is tried against the reader's
     * rule. The lines come in the order of the document's passages.
     */
    private static List<TextLine> textLines(Path target, Document d) throws FormatException {
        String text = d.text();
        if (hasLineBreak(text)) {
            throw new FormatException(target, 0, "document " + d.id() + ": its text holds a line break, which PubTator cannot hold");
        }
        if (d.passages().isEmpty() && !text.isEmpty()) {
            return List.of(new TextLine('t', text));
        }
        String title = null;
        String abstractText = null;
        boolean abstractFirst = false;
        for (Passage p : d.passages()) {
            switch (p.type()) {
                case "title" -> {
                    if (title != null) {
                        throw new FormatException(target, 0, "document " + d.id() + " has two title passages");
                    }
                    title = text.substring(p.span().start(), p.span().end());
                }
                case "abstract" -> {
                    if (abstractText != null) {
                        throw new FormatException(target, 0, "document " + d.id() + " has two abstract passages");
                    }
                    abstractText = text.substring(p.span().start(), p.span().end());
                    abstractFirst = title == null;
                }
                default -> throw new FormatException(target, 0, "document " + d.id() + ": passage '" + p.type()
                        + "' cannot be expressed; PubTator has a title and an abstract only");
            }
        }
        // the lines follow the passages' order; with one passage missing, the conventional order is kept
        abstractFirst &= title != null;
        // an empty line is tried before none, so that a document keeps both conventional lines where it can
        for (String t : title != null ? new String[] {title} : new String[] {"", null}) {
            for (String a : abstractText != null ? new String[] {abstractText} : new String[] {"", null}) {
                List<TextLine> lines = new ArrayList<>();
                if (t != null) {
                    lines.add(new TextLine('t', t));
                }
                if (a != null) {
                    lines.add(abstractFirst ? 0 : lines.size(), new TextLine('a', a));
                }
                if (!lines.isEmpty() && readsBackAs(lines, text, d.passages())) {
                    return lines;
                }
            }
        }
        throw new FormatException(target, 0, "document " + d.id() + ": its title and abstract passages " + d.passages()
                + " do not lay out its text as PubTator does (title, one space, abstract)");
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    /** Whether {@link PubTatorReader} would build exactly this text and these passages from the lines. */
    private static boolean readsBackAs(List<TextLine> lines, String text, List<Passage> passages) {
        StringBuilder built = new StringBuilder();
        List<Passage> builtPassages = new ArrayList<>();
        for (TextLine line : lines) {
            if (built.length() > 0) {
                built.append(' ');
            }
            int start = built.length();
            built.append(line.body());
            if (!line.body().isEmpty()) {
                builtPassages.add(new Passage(line.kind() == 't' ? "title" : "abstract", new Span(start, built.length())));
            }
        }
        return built.toString().equals(text) && Objects.equals(builtPassages, passages);
    }
}
