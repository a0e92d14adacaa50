package taiyi.workbench.formats.conll;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.AtomicOutput;
import taiyi.workbench.formats.DocumentWriter;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.FormatWarning;
import taiyi.workbench.formats.LeftOut;

/**
 * Writes token/BIO columns, each document as one sentence: its text split into tokens, each token
 * tagged {@code B-Type}, {@code I-Type} or {@code O} from the mentions.
 *
 * <p>A token is a run of letters, marks and digits, or any other single non-space character; Han
 * characters, hiragana and katakana are tokens on their own, as Chinese and Japanese are not
 * written with spaces between words. Every mention span must begin and end on token boundaries
 * (else the mention is refused, by name), and cover at least one token. A discontinuous mention is
 * written as one entity per span. BIO is flat: where entities overlap or nest, the longest is kept
 * (then the earliest, then the one listed first) and the others are dropped;
 * {@link #writeWithSummary} says how many.
 *
 * <p>The format holds tokens and flat typed entities only: concepts, attributes, relations,
 * passages, labels and metadata are not written, except {@link ConllReader#SOURCE_DOCUMENT}, which
 * becomes a {@code -DOCSTART-} line where its value changes.
 */
public final class ConllWriter implements DocumentWriter {

    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]"
                    + "|[\\p{L}\\p{M}\\p{N}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]]+"
                    + "|[^\\p{IsWhite_Space}]");

    /**
     * What a write produced.
     *
     * @param sentences sentences written, one per document
     * @param entities entities written
     * @param dropped entities (mention spans) left out because a longer one overlapped them
     */
    public record WriteSummary(int sentences, int entities, int dropped) {
    }

    @Override
    public void write(List<Document> documents, Path target) throws IOException, FormatException {
        writeWithSummary(documents, target);
    }

    /**
     * Writes, then tells what CoNLL has no place for: concepts, attributes, relations, passages,
     * labels, metadata, and the overlapping entities BIO cannot hold.
     */
    @Override
    public void write(List<Document> documents, Path target, Consumer<FormatWarning> leftOut) throws IOException, FormatException {
        WriteSummary summary = writeWithSummary(documents, target);
        LeftOut out = new LeftOut();
        out.add(summary.dropped(), "overlapping entity", "overlapping entities");
        for (Document d : documents) {
            out.add(d.mentions().stream().mapToInt(m -> m.normalizations().size()).sum(), "concept", "concepts")
                    .add(d.mentions().stream().mapToInt(m -> m.attributes().size()).sum(), "mention attribute", "mention attributes")
                    .add(d.relations().size(), "relation", "relations").add(d.passages().size(), "passage", "passages")
                    .add(d.labels().size(), "label", "labels")
                    .add((int) d.metadata().keySet().stream().filter(k -> !k.equals(ConllReader.SOURCE_DOCUMENT)).count(),
                            "metadata entry", "metadata entries");
        }
        out.report(target, "CoNLL", leftOut);
    }

    /** Writes like {@link #write} and reports what was written and what was dropped. */
    public WriteSummary writeWithSummary(List<Document> documents, Path target) throws IOException, FormatException {
        StringBuilder out = new StringBuilder();
        int entities = 0;
        int dropped = 0;
        String section = null;
        for (Document d : documents) {
            String docSection = d.metadata().get(ConllReader.SOURCE_DOCUMENT);
            if (docSection != null && !docSection.equals(section)) {
                out.append(ConllReader.DOCSTART).append("\tO\n\n");
            }
            section = docSection;
            Tagging t = tag(d, target);
            entities += t.entities;
            dropped += t.dropped;
            for (int i = 0; i < t.tokens.size(); i++) {
                out.append(t.tokens.get(i)).append('\t').append(t.tags[i]).append('\n');
            }
            out.append('\n');
        }
        String content = out.toString();
        AtomicOutput.writeText(target, w -> w.write(content));
        return new WriteSummary(documents.size(), entities, dropped);
    }

    /** The tokens of a text, as spans. */
    static List<Span> tokens(String text) {
        List<Span> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(new Span(m.start(), m.end()));
        }
        return tokens;
    }

    /** The tokens with every one that a cut falls strictly inside split there. */
    static List<Span> splitAt(List<Span> tokens, TreeSet<Integer> cuts) {
        List<Span> out = new ArrayList<>(tokens.size());
        for (Span t : tokens) {
            int start = t.start();
            for (int cut : cuts.subSet(t.start(), false, t.end(), false)) {
                out.add(new Span(start, cut));
                start = cut;
            }
            out.add(new Span(start, t.end()));
        }
        return out;
    }

    /** One document's tokens and tags. */
    private record Tagging(List<String> tokens, String[] tags, int entities, int dropped) {
    }

    /** A span of a mention as token indices {@code [first, last]}. */
    private record Piece(EntityMention mention, Span span, int first, int last, int order) {
    }

    private static Tagging tag(Document d, Path target) throws FormatException {
        String text = d.text();
        // a mention boundary inside a word (CMeEE tags "TT" in "5mmTT") splits the word: taggers need
        // every entity to be whole tokens
        TreeSet<Integer> cuts = new TreeSet<>();
        d.mentions().forEach(m -> m.spans().forEach(s -> {
            cuts.add(s.start());
            cuts.add(s.end());
        }));
        List<Span> tokens = splitAt(tokens(text), cuts);
        if (tokens.isEmpty()) {
            throw new FormatException(target, 0, "document " + d.id() + " has no tokens; an empty sentence cannot be written");
        }
        List<Piece> pieces = new ArrayList<>();
        for (EntityMention m : d.mentions()) {
            if (m.type().isEmpty() || m.type().codePoints().anyMatch(Character::isWhitespace)) {
                throw new FormatException(target, 0, "document " + d.id() + ": mention " + m.id() + " has type '"
                        + m.type() + "' with white space, which a tag cannot hold");
            }
            for (Span s : m.spans()) {
                pieces.add(piece(d, target, m, s, tokens, pieces.size()));
            }
        }
        // longest first, so that an entity nested in another or overlapping a longer one loses
        pieces.sort(Comparator.comparingInt((Piece p) -> -p.span.length()).thenComparingInt(p -> p.span.start())
                .thenComparingInt(Piece::order));
        Piece[] owner = new Piece[tokens.size()];
        int kept = 0;
        for (Piece p : pieces) {
            boolean free = true;
            for (int i = p.first; i <= p.last && free; i++) {
                free = owner[i] == null;
            }
            if (free) {
                for (int i = p.first; i <= p.last; i++) {
                    owner[i] = p;
                }
                kept++;
            }
        }
        String[] tags = new String[tokens.size()];
        for (int i = 0; i < tags.length; i++) {
            Piece p = owner[i];
            tags[i] = p == null ? "O" : (i == p.first ? "B-" : "I-") + p.mention.type();
        }
        List<String> tokenTexts = tokens.stream().map(s -> text.substring(s.start(), s.end())).toList();
        return new Tagging(tokenTexts, tags, kept, pieces.size() - kept);
    }

    private static Piece piece(Document d, Path target, EntityMention m, Span s, List<Span> tokens, int order)
            throws FormatException {
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Span t = tokens.get(i);
            if (t.overlaps(s)) {
                if (t.start() < s.start() || t.end() > s.end()) {
                    throw new FormatException(target, 0, "document " + d.id() + ": mention " + m.id() + " (" + s
                            + ") cuts token '" + d.text().substring(t.start(), t.end()) + "' (" + t + ")");
                }
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            throw new FormatException(target, 0, "document " + d.id() + ": mention " + m.id() + " (" + s
                    + ") covers no token");
        }
        return new Piece(m, s, first, last, order);
    }
}
