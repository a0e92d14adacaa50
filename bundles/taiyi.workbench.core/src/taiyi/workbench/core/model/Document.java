package taiyi.workbench.core.model;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One document of a corpus: its text, language, sections, metadata, labels and annotations.
 *
 * @param id the source's identifier (a PMID for PubMed abstracts), unique within a corpus
 * @param language the language of the text
 * @param text the full text; every offset in the document indexes it
 * @param passages its sections, possibly none
 * @param metadata source metadata such as {@code pmid} or {@code journal}, in insertion order
 * @param labels document-level labels (text classification), possibly none
 * @param mentions entity mentions
 * @param relations relations between the mentions (or their concepts)
 */
public record Document(String id, Language language, String text, List<Passage> passages,
        Map<String, String> metadata, List<String> labels, List<EntityMention> mentions, List<Relation> relations) {

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) {
            throw new IllegalArgumentException("document with a blank id");
        }
        passages = List.copyOf(passages);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        labels = List.copyOf(labels);
        mentions = List.copyOf(mentions);
        relations = List.copyOf(relations);
        for (Passage p : passages) {
            checkInside(p.span(), text.length(), "document " + id + ": passage " + p.type());
        }
        Set<String> mentionIds = new HashSet<>();
        for (EntityMention m : mentions) {
            if (!mentionIds.add(m.id())) {
                throw new IllegalArgumentException("document " + id + ": duplicate mention id " + m.id());
            }
            for (Span s : m.spans()) {
                checkInside(s, text.length(), "document " + id + ": mention " + m.id());
            }
        }
        Set<String> relationIds = new HashSet<>();
        // concept-level relations (BC5CDR's CID) name concepts: one set of them, not a scan of every
        // mention per argument, since this check runs on each decision in a large document
        Set<String> concepts = null;
        for (Relation r : relations) {
            if (!relationIds.add(r.id())) {
                throw new IllegalArgumentException("document " + id + ": duplicate relation id " + r.id());
            }
            for (Span s : r.evidence()) {
                checkInside(s, text.length(), "document " + id + ": evidence of relation " + r.id());
            }
            for (String arg : List.of(r.head(), r.tail())) {
                if (!mentionIds.contains(arg) && concepts == null) {
                    concepts = new HashSet<>();
                    for (EntityMention m : mentions) {
                        for (Normalization n : m.normalizations()) {
                            concepts.add(n.id());
                            concepts.add(n.toString());
                        }
                    }
                }
                if (!mentionIds.contains(arg) && !concepts.contains(arg)) {
                    throw new IllegalArgumentException("document " + id + ": relation " + r.id() + " argument " + arg
                            + " is neither a mention id nor a concept of a mention");
                }
            }
        }
    }

    /** A document without labels. */
    public Document(String id, Language language, String text, List<Passage> passages, Map<String, String> metadata,
            List<EntityMention> mentions, List<Relation> relations) {
        this(id, language, text, passages, metadata, List.of(), mentions, relations);
    }

    /** A document with text only. */
    public static Document ofText(String id, String text) {
        return new Document(id, Language.detect(text), text, List.of(), Map.of(), List.of(), List.of(), List.of());
    }

    /** The mention with this id, if any. */
    public java.util.Optional<EntityMention> mention(String mentionId) {
        return mentions.stream().filter(m -> m.id().equals(mentionId)).findFirst();
    }

    private static void checkInside(Span span, int length, String what) {
        if (span.end() > length) {
            throw new IllegalArgumentException(what + " span " + span + " ends past the text (length " + length + ")");
        }
    }
}
