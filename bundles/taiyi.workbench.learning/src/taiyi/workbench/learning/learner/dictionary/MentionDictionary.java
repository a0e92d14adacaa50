package taiyi.workbench.learning.learner.dictionary;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.inference.align.FoldedText;
import taiyi.workbench.learning.learner.text.TextUnits;

/**
 * The curated mentions of a set of documents as a trie of folded strings. Folding is
 * {@link FoldedText}'s, the one {@code MentionAligner} uses to place model output, so a string the
 * dictionary knows is found in every case and width the aligner would accept ({@code Cisplatin},
 * {@code ＣＩＳＰＬＡＴＩＮ}); a match never begins or ends inside a running Latin word
 * ({@link TextUnits#isBoundary}), while Chinese matches anywhere.
 */
public final class MentionDictionary implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final class Node implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private final Map<Character, Node> next = new HashMap<>(4);
        private DictionaryEntry entry;
    }

    private final Node root = new Node();
    private int size;

    private MentionDictionary() {
    }

    /**
     * Builds the dictionary of the documents' curated mentions (discontinuous ones are left out: their
     * text is no string that occurs), then counts every string's occurrences in the same documents.
     */
    public static MentionDictionary of(List<Document> documents) {
        return of(documents, text -> FoldedText.of(text, false));
    }

    /**
     * The same dictionary, with the documents' texts folded by the caller (who may have folded them
     * before: the tagger builds several dictionaries over the same texts per training).
     *
     * @param folding a text's {@link FoldedText} without white-space folding
     */
    public static MentionDictionary of(List<Document> documents, Function<String, FoldedText> folding) {
        MentionDictionary d = new MentionDictionary();
        for (Document doc : documents) {
            for (EntityMention m : doc.mentions()) {
                String folded = entryKey(doc, m);
                if (folded == null) {
                    continue;
                }
                d.entryFor(folded).curated(m.type(), m.normalizations().stream().map(Normalization::toString).toList());
            }
        }
        for (Document doc : documents) {
            d.scan(doc.text(), folding.apply(doc.text()), match -> match.entry().countOccurrence());
        }
        return d;
    }

    /**
     * The folded string a curated mention is entered under; null for one the dictionary leaves out
     * (discontinuous, or nothing but white space).
     */
    private static String entryKey(Document doc, EntityMention m) {
        if (m.isDiscontinuous()) {
            return null;
        }
        String folded = FoldedText.fold(doc.text().substring(m.start(), m.end()), false);
        return folded.isBlank() ? null : folded;
    }

    /**
     * The dictionaries {@link #of} would build for each fold's complement and for all documents, from
     * one scan of the texts instead of one per dictionary: document {@code i} is in fold
     * {@code i % folds}, and an occurrence found with the whole dictionary counts for every fold
     * dictionary that knows the string and whose documents include the one it was found in. (The
     * tagger's dictionary feature is computed from the other folds' dictionary, so that a curated
     * mention does not vouch for itself.)
     *
     * @param folding a text's {@link FoldedText} without white-space folding
     * @return {@code folds} dictionaries, fold {@code k}'s built from the documents outside fold {@code k},
     *     then the dictionary of all documents
     */
    public static List<MentionDictionary> withFolds(List<Document> documents, int folds, Function<String, FoldedText> folding) {
        if (folds < 2) {
            throw new IllegalArgumentException("at least two folds, not " + folds);
        }
        MentionDictionary whole = new MentionDictionary();
        List<MentionDictionary> out = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            out.add(new MentionDictionary());
        }
        // per entry of the whole dictionary, the same string's entry in each fold dictionary (null where absent)
        Map<DictionaryEntry, DictionaryEntry[]> inFolds = new IdentityHashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            Document doc = documents.get(i);
            int fold = i % folds;
            for (EntityMention m : doc.mentions()) {
                String folded = entryKey(doc, m);
                if (folded == null) {
                    continue;
                }
                List<String> concepts = m.normalizations().stream().map(Normalization::toString).toList();
                DictionaryEntry entry = whole.entryFor(folded);
                entry.curated(m.type(), concepts);
                DictionaryEntry[] links = inFolds.computeIfAbsent(entry, e -> new DictionaryEntry[folds]);
                for (int k = 0; k < folds; k++) {
                    if (k != fold) {
                        links[k] = out.get(k).entryFor(folded);
                        links[k].curated(m.type(), concepts);
                    }
                }
            }
        }
        for (int i = 0; i < documents.size(); i++) {
            String text = documents.get(i).text();
            int fold = i % folds;
            whole.scan(text, folding.apply(text), match -> {
                match.entry().countOccurrence();
                DictionaryEntry[] links = inFolds.get(match.entry());
                for (int k = 0; k < folds; k++) {
                    if (k != fold && links[k] != null) {
                        links[k].countOccurrence();
                    }
                }
            });
        }
        out.add(whole);
        return out;
    }

    private DictionaryEntry entryFor(String folded) {
        Node node = root;
        for (int i = 0; i < folded.length(); i++) {
            node = node.next.computeIfAbsent(folded.charAt(i), c -> new Node());
        }
        if (node.entry == null) {
            node.entry = new DictionaryEntry(folded);
            size++;
        }
        return node.entry;
    }

    /** How many distinct folded strings it holds. */
    public int size() {
        return size;
    }

    /** The entry of a string, folded here, if the dictionary has it. */
    public DictionaryEntry entry(String text) {
        String folded = FoldedText.fold(text, false);
        Node node = root;
        for (int i = 0; i < folded.length() && node != null; i++) {
            node = node.next.get(folded.charAt(i));
        }
        return node == null ? null : node.entry;
    }

    /**
     * The longest matches of a text, left to right, not overlapping, among the entries the filter
     * accepts (an entry it refuses does not block a shorter one that starts at the same place).
     */
    public List<DictionaryMatch> longestMatches(String text, Predicate<DictionaryEntry> accept) {
        return longestMatches(text, FoldedText.of(text, false), accept);
    }

    /** The same, with the text already folded ({@link FoldedText#of} without white-space folding). */
    public List<DictionaryMatch> longestMatches(String text, FoldedText folded, Predicate<DictionaryEntry> accept) {
        List<DictionaryMatch> out = new ArrayList<>();
        String f = folded.folded();
        int p = 0;
        while (p < f.length()) {
            DictionaryMatch best = null;
            int bestEnd = -1;
            if (folded.startsOriginalCodePoint(p)) {
                Node node = root;
                for (int q = p; q < f.length(); q++) {
                    node = node.next.get(f.charAt(q));
                    if (node == null) {
                        break;
                    }
                    if (node.entry != null && accept.test(node.entry)) {
                        Span span = boundedSpan(folded, text, p, q + 1);
                        if (span != null) {
                            best = new DictionaryMatch(span, node.entry);
                            bestEnd = q + 1;
                        }
                    }
                }
            }
            if (best != null) {
                out.add(best);
                p = bestEnd;
            } else {
                p++;
            }
        }
        return out;
    }

    /** Every occurrence of every entry, overlapping ones included. */
    private void scan(String text, FoldedText folded, Consumer<DictionaryMatch> sink) {
        String f = folded.folded();
        for (int p = 0; p < f.length(); p++) {
            if (!folded.startsOriginalCodePoint(p)) {
                continue;
            }
            Node node = root;
            for (int q = p; q < f.length(); q++) {
                node = node.next.get(f.charAt(q));
                if (node == null) {
                    break;
                }
                if (node.entry != null) {
                    Span span = boundedSpan(folded, text, p, q + 1);
                    if (span != null) {
                        sink.accept(new DictionaryMatch(span, node.entry));
                    }
                }
            }
        }
    }

    private static Span boundedSpan(FoldedText folded, String text, int foldedStart, int foldedEnd) {
        Span span = folded.originalSpan(foldedStart, foldedEnd);
        if (span == null || !TextUnits.isBoundary(text, span.start()) || !TextUnits.isBoundary(text, span.end())) {
            return null;
        }
        return span;
    }
}
