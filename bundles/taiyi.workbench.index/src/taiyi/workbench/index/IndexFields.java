package taiyi.workbench.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.curation.SuggestionStatus;
import taiyi.workbench.core.model.AnnotationLayer;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;

/**
 * The index's fields and how one {@link IndexedDocument} becomes one Lucene document.
 *
 * <p>Annotation facts are keywords, lowercased so that {@code type:disease} finds {@code Disease}.
 * Facts that a query may combine ({@code type:Disease status:unreviewed}) must hold for the same
 * annotation, which separate per-document keyword fields cannot say; so each annotation also yields
 * compound keywords {@code state|type|concept} in {@link #ANNOTATION}, where state is
 * {@code curated} or the suggestion's status, and type and concept are given or {@code *}
 * ({@link AnnotationKeys}). The state is never {@code *}: a query without one asks for each of the
 * four. Nor is the type when a concept is given: a concept of any type is found among the typed
 * keys ({@link AnyTypeKeyQuery}), which keeps the keywords per annotation at three (they are most
 * of what indexing costs beyond the text). The concept slot holds the bare id ({@code d003924}),
 * whichever spelling a query uses ({@code MESH:D003924}). (A field of every spelling per document,
 * as the index once had, was a fifth of its fact keywords and told apart only databases sharing an
 * id.)
 */
final class IndexFields {

    /** {@code corpus}, a separator, {@code id}: what an update or delete replaces, and what {@code id:} asks for. */
    static final String KEY = "key";
    static final String CORPUS = "corpus";
    /**
     * The document's id, stored for the hits and not indexed: {@link #KEY} is its keyword. (Indexed
     * too, as it once was, it was a second term unique to each document, and such a term costs
     * Lucene more than any other: a new entry in its hash and its terms dictionary per document.)
     */
    static final String ID = "id";
    static final String LANGUAGE = "lang";
    /** The text analysed for English; stored, so it is also the snippets' source. */
    static final String TEXT_EN = "text_en";
    /**
     * The text analysed for Chinese (SmartChineseAnalyzer), only where it holds a Han character
     * ({@link CorpusAnalyzers#analysedAsChinese}); not stored.
     */
    static final String TEXT_ZH = "text_zh";
    static final String MENTION = "mention";
    static final String ANNOTATION = "ann";
    static final String RELATION = "relation";
    static final String LABEL = "label";
    static final String STATE = "state";
    static final String DISAGREE = "disagree";
    /**
     * The doc values the facet counts read: one value per document naming its whole combination of
     * facet values ({@link #facetCombination}), so that counting a hit is one lookup and one array
     * increment, and the combinations (a few hundred in a corpus) are split into types, statuses and
     * language once per query. A multi-valued field cost a lookup per value per hit, most of what a
     * query with hundreds of thousands of hits spent.
     */
    static final String FACETS = "facet_combination";
    /** Between the values of a {@link #FACETS} combination. */
    static final char FACET_SEPARATOR = '\u001e';
    /** Before a separator or escape that is part of a value (a type name may hold any character). */
    static final char FACET_ESCAPE = '\u001b';
    static final String FACET_TYPE = "t:";
    static final String FACET_STATUS = "s:";
    static final String FACET_LANGUAGE = "l:";

    /**
     * A keyword a query asks for and Lucene scores: indexed with its frequency (always 1: each
     * keyword is added once per document), which {@code StringField} leaves out. The scores are
     * the same as without, but the postings then carry impacts, so that a query of facts alone, all
     * of whose hits score alike, stops after the first page instead of scoring hundreds of
     * thousands of hits that cannot make it.
     */
    static final FieldType FACT = keyword(StringField.TYPE_NOT_STORED);
    /** A {@link #FACT} that is also stored for the hits. */
    static final FieldType STORED_FACT = keyword(StringField.TYPE_STORED);

    static final String ANY = "*";
    /** The states of the compound keywords: the curated layer and the three suggestion statuses. */
    static final String UNREVIEWED = "unreviewed";
    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";
    static final List<String> STATES = List.of(AnnotationLayer.CURATED.id(), UNREVIEWED, ACCEPTED, REJECTED);
    /** Positions in {@link #STATES}. */
    static final int STATE_CURATED = 0;
    static final int STATE_UNREVIEWED = 1;
    static final int STATE_ACCEPTED = 2;
    static final int STATE_REJECTED = 3;


    private IndexFields() {
    }

    private static FieldType keyword(FieldType string) {
        FieldType type = new FieldType(string);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    static String key(String corpus, String id) {
        return corpus + '\u001f' + id;
    }

    /**
     * The compound key. A bar or backslash in the type is escaped with a backslash, so that the
     * type ends at the first bar that is not, and the keys of one type are the terms that begin
     * with {@code state|type|} ({@link AnyTypeKeyQuery} relies on it); a concept id holds no bar
     * ({@link AnnotationKeys} splits PubTator's composite ids there).
     */
    static String annotationKey(String state, String type, String concept) {
        StringBuilder b = new StringBuilder(state.length() + type.length() + concept.length() + 2).append(state).append('|');
        appendEscaped(b, type, '|', '\\');
        return b.append('|').append(concept).toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The fields of one document. */
    static List<IndexableField> fields(IndexedDocument indexed) {
        Document d = indexed.curated();
        String text = d.text();
        List<IndexableField> out = new ArrayList<>(48);
        out.add(new StringField(KEY, key(indexed.corpus(), d.id()), Field.Store.NO));
        out.add(new StringField(CORPUS, indexed.corpus(), Field.Store.NO));
        out.add(new StoredField(ID, d.id()));
        out.add(new Field(LANGUAGE, d.language().code(), STORED_FACT));
        out.add(new TextField(TEXT_EN, text, Field.Store.YES));
        if (CorpusAnalyzers.analysedAsChinese(text)) {
            out.add(new TextField(TEXT_ZH, text, Field.Store.NO));
        }
        out.add(new Field(STATE, state(indexed.state()), FACT));

        // a few types and statuses per document: a list's equals beats a set's hashing
        List<String> types = new ArrayList<>(4);
        List<String> statuses = new ArrayList<>(3);
        Set<String> mentions = new HashSet<>();
        AnnotationKeys annotations = new AnnotationKeys();
        boolean suggested = !indexed.suggestions().isEmpty();
        Set<SpansAndType> curated = suggested ? new HashSet<>() : Set.of();
        for (EntityMention m : d.mentions()) {
            mentions.add(lowerCoveredText(m, text));
            addOnce(types, m.type());
            annotations.add(STATE_CURATED, m.type(), m.normalizations());
            if (suggested) {
                curated.add(new SpansAndType(m.spans(), m.type()));
            }
        }
        Set<SpansAndType> suggestions = suggested ? new HashSet<>() : Set.of();
        for (Suggestion s : indexed.suggestions()) {
            EntityMention m = s.mention();
            SpansAndType where = new SpansAndType(m.spans(), m.type());
            suggestions.add(where);
            if (!curated.contains(where)) {
                // most suggestions are where a curated mention is: the same text, already added
                mentions.add(lowerCoveredText(m, text));
            }
            addOnce(types, m.type());
            int state = stateOf(indexed.decisions().get(s.id()));
            addOnce(statuses, STATES.get(state));
            annotations.add(state, m.type(), m.normalizations());
        }
        for (String mention : mentions) {
            out.add(new Field(MENTION, mention, FACT));
        }
        annotations.addTo(out);
        types.sort(null);
        statuses.sort(null);
        out.add(new SortedDocValuesField(FACETS, new BytesRef(facetCombination(d.language().code(), types, statuses))));
        addLowercasedOnce(out, RELATION, d.relations().stream().map(Relation::type).toList());
        addLowercasedOnce(out, LABEL, d.labels());
        if (suggested) {
            // model and curator disagree where some suggestion has no curated mention of the same
            // span and type, or the other way round: a rejected suggestion does, an accepted one
            // does not (the curated layer holds its copy)
            out.add(new Field(DISAGREE, Boolean.toString(!suggestions.equals(curated)), FACT));
        }
        return out;
    }

    private static void addOnce(List<String> values, String value) {
        if (!values.contains(value)) {
            values.add(value);
        }
    }

    private static void addLowercasedOnce(List<IndexableField> out, String field, List<String> values) {
        List<String> seen = new ArrayList<>(values.size());
        for (String v : values) {
            String lower = lower(v);
            if (!seen.contains(lower)) {
                seen.add(lower);
                out.add(new Field(field, lower, FACT));
            }
        }
    }

    private static String state(CurationState state) {
        return switch (state) {
            case NEW -> "new";
            case IN_PROGRESS -> "in_progress";
            case DONE -> "done";
        };
    }

    /**
     * The one {@link #FACETS} value of a document: its language, types and statuses, each with its
     * facet's prefix, in one order whatever the order of the mentions, so that equal combinations
     * are one ordinal.
     */
    static String facetCombination(String language, List<String> sortedTypes, List<String> sortedStatuses) {
        StringBuilder b = new StringBuilder(FACET_LANGUAGE);
        appendEscaped(b, language, FACET_SEPARATOR, FACET_ESCAPE);
        for (String t : sortedTypes) {
            appendEscaped(b.append(FACET_SEPARATOR).append(FACET_TYPE), t, FACET_SEPARATOR, FACET_ESCAPE);
        }
        for (String s : sortedStatuses) {
            appendEscaped(b.append(FACET_SEPARATOR).append(FACET_STATUS), s, FACET_SEPARATOR, FACET_ESCAPE);
        }
        return b.toString();
    }

    /** Appends {@code value} with {@code escape} before each {@code separator} and {@code escape} in it. */
    private static void appendEscaped(StringBuilder b, String value, char separator, char escape) {
        if (value.indexOf(separator) < 0 && value.indexOf(escape) < 0) {
            // nearly every type and language: appended as it is
            b.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == separator || c == escape) {
                b.append(escape);
            }
            b.append(c);
        }
    }

    /** The values of a {@link #facetCombination}, each with its prefix, in their order. */
    static List<String> facetValues(String combination) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < combination.length(); i++) {
            char c = combination.charAt(i);
            if (c == FACET_ESCAPE && i + 1 < combination.length()) {
                value.append(combination.charAt(++i));
            } else if (c == FACET_SEPARATOR) {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        values.add(value.toString());
        return values;
    }

    /** The position in {@link #STATES} of a suggestion's {@link SuggestionStatus}: an open one is {@code unreviewed}. */
    static int stateOf(CorrectionAction decision) {
        return switch (SuggestionStatus.of(decision)) {
            case OPEN -> STATE_UNREVIEWED;
            case ACCEPTED -> STATE_ACCEPTED;
            case REJECTED -> STATE_REJECTED;
        };
    }

    /** The mention's text lowercased; a mention of one span (nearly all) without the joining a discontinuous one needs. */
    private static String lowerCoveredText(EntityMention m, String text) {
        if (m.spans().size() == 1) {
            Span span = m.spans().get(0);
            return lower(text.substring(span.start(), span.end()));
        }
        return lower(m.coveredText(text));
    }

    /** Where a mention is and what type: what model and curator must share to agree. */
    private record SpansAndType(List<Span> spans, String type) {
    }
}
