package taiyi.workbench.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.curation.SuggestionStatus;
import taiyi.workbench.core.model.AnnotationLayer;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;

/**
 * The index's fields and how one {@link IndexedDocument} becomes one Lucene document.
 *
 * <p>Annotation facts are keywords, lowercased so that {@code type:disease} finds {@code Disease}.
 * Facts that a query may combine ({@code type:Disease status:unreviewed}) must hold for the same
 * annotation, which separate per-document keyword fields cannot say; so each annotation also yields
 * compound keywords {@code state|type|concept} in {@link #ANNOTATION}, where state is
 * {@code curated} or the suggestion's status, and type and concept are given or {@code *}. The
 * state is never {@code *}: a query without one asks for each of the four, which keeps the keywords
 * per annotation at four (they are most of what indexing costs beyond the text). The concept slot
 * holds the bare id ({@code d003924}), whichever spelling a query uses ({@code MESH:D003924}); a
 * concept asked for alone is the four states' {@code state|*|concept} keys. (A field of every
 * spelling per document, as the index once had, was a fifth of its fact keywords and told apart
 * only databases sharing an id.)
 */
final class IndexFields {

    /** {@code corpus}, a separator, {@code id}: what an update or delete replaces. */
    static final String KEY = "key";
    static final String CORPUS = "corpus";
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
    static final List<String> STATES = List.of(AnnotationLayer.CURATED.id(), "unreviewed", "accepted", "rejected");
    static final String UNREVIEWED = "unreviewed";
    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";


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

    static String annotationKey(String state, String type, String concept) {
        return state + '|' + type + '|' + concept;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The fields of one document. */
    static List<IndexableField> fields(IndexedDocument indexed) {
        Document d = indexed.curated();
        List<IndexableField> out = new ArrayList<>();
        out.add(new StringField(KEY, key(indexed.corpus(), d.id()), Field.Store.NO));
        out.add(new StringField(CORPUS, indexed.corpus(), Field.Store.NO));
        out.add(new Field(ID, d.id(), STORED_FACT));
        out.add(new Field(LANGUAGE, d.language().code(), STORED_FACT));
        out.add(new TextField(TEXT_EN, d.text(), Field.Store.YES));
        if (CorpusAnalyzers.analysedAsChinese(d.text())) {
            out.add(new TextField(TEXT_ZH, d.text(), Field.Store.NO));
        }
        out.add(new Field(STATE, lower(indexed.state().name()), FACT));

        Set<String> mentions = new LinkedHashSet<>();
        Set<String> annotations = new LinkedHashSet<>();
        Set<String> types = new TreeSet<>();
        Set<String> statuses = new TreeSet<>();
        // an abstract names the same few concepts and types many times: each distinct one is
        // spelled out once per document, and its keys made once per distinct (layer or status,
        // type, concepts); making these strings was a fifth of what a document cost beyond its text
        Map<List<Normalization>, ConceptIds> conceptIds = new HashMap<>();
        Map<String, String> lowerTypes = new HashMap<>();
        Set<AnnotationFacts> seen = new HashSet<>();
        String text = d.text();
        for (EntityMention m : d.mentions()) {
            mentions.add(lowerCoveredText(m, text));
            types.add(m.type());
            if (seen.add(new AnnotationFacts(AnnotationLayer.CURATED.id(), m.type(), m.normalizations()))) {
                addAnnotationKeys(annotations, AnnotationLayer.CURATED.id(), lowerTypes.computeIfAbsent(m.type(), IndexFields::lower),
                        conceptIds.computeIfAbsent(m.normalizations(), ConceptIds::of));
            }
        }
        for (Suggestion s : indexed.suggestions()) {
            EntityMention m = s.mention();
            String status = status(indexed.decisions().get(s.id()));
            mentions.add(lowerCoveredText(m, text));
            types.add(m.type());
            statuses.add(status);
            if (seen.add(new AnnotationFacts(status, m.type(), m.normalizations()))) {
                addAnnotationKeys(annotations, status, lowerTypes.computeIfAbsent(m.type(), IndexFields::lower),
                        conceptIds.computeIfAbsent(m.normalizations(), ConceptIds::of));
            }
        }
        mentions.forEach(v -> out.add(new Field(MENTION, v, FACT)));
        annotations.forEach(v -> out.add(new Field(ANNOTATION, v, FACT)));
        out.add(new SortedDocValuesField(FACETS, new BytesRef(facetCombination(d.language().code(), types, statuses))));
        d.relations().stream().map(Relation::type).map(IndexFields::lower).distinct()
                .forEach(v -> out.add(new Field(RELATION, v, FACT)));
        d.labels().stream().map(IndexFields::lower).distinct().forEach(v -> out.add(new Field(LABEL, v, FACT)));
        if (!indexed.suggestions().isEmpty()) {
            out.add(new Field(DISAGREE, Boolean.toString(disagree(indexed)), FACT));
        }
        return out;
    }

    /**
     * The one {@link #FACETS} value of a document: its language, types and statuses, each with its
     * facet's prefix, in one order whatever the order of the mentions, so that equal combinations
     * are one ordinal.
     */
    static String facetCombination(String language, Set<String> sortedTypes, Set<String> sortedStatuses) {
        StringBuilder b = new StringBuilder(FACET_LANGUAGE);
        appendEscaped(b, language);
        for (String t : sortedTypes) {
            appendEscaped(b.append(FACET_SEPARATOR).append(FACET_TYPE), t);
        }
        for (String s : sortedStatuses) {
            appendEscaped(b.append(FACET_SEPARATOR).append(FACET_STATUS), s);
        }
        return b.toString();
    }

    private static void appendEscaped(StringBuilder b, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == FACET_SEPARATOR || c == FACET_ESCAPE) {
                b.append(FACET_ESCAPE);
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

    /** The query word of a suggestion's {@link SuggestionStatus}: an open one is {@code unreviewed}. */
    static String status(CorrectionAction decision) {
        return switch (SuggestionStatus.of(decision)) {
            case OPEN -> UNREVIEWED;
            case ACCEPTED -> ACCEPTED;
            case REJECTED -> REJECTED;
        };
    }

    /** What makes two annotations of a document yield the same keys. */
    private record AnnotationFacts(String state, String type, List<Normalization> normalizations) {
    }

    /** One mention's concepts as the keys want them: the bare ids lowercased. */
    private record ConceptIds(List<String> ids) {
        static ConceptIds of(List<Normalization> normalizations) {
            List<String> ids = new ArrayList<>();
            for (Normalization n : normalizations) {
                for (String id : IndexFields.ids(n)) {
                    ids.add(lower(id));
                }
            }
            return new ConceptIds(ids);
        }
    }

    private static void addAnnotationKeys(Set<String> out, String state, String type, ConceptIds ids) {
        out.add(annotationKey(state, type, ANY));
        out.add(annotationKey(state, ANY, ANY));
        for (String concept : ids.ids()) {
            out.add(annotationKey(state, type, concept));
            out.add(annotationKey(state, ANY, concept));
        }
    }

    /** The mention's text lowercased; a mention of one span (nearly all) without the joining a discontinuous one needs. */
    private static String lowerCoveredText(EntityMention m, String text) {
        if (m.spans().size() == 1) {
            Span span = m.spans().get(0);
            return lower(text.substring(span.start(), span.end()));
        }
        return lower(m.coveredText(text));
    }

    /** The ids of a normalisation: PubTator's composite {@code D001|D002} is two, {@code -1} none. */
    static List<String> ids(Normalization n) {
        String id0 = n.id();
        if (id0.indexOf('|') < 0) {
            return id0.isBlank() || id0.equals("-1") ? List.of() : List.of(id0);
        }
        List<String> ids = new ArrayList<>();
        for (String id : id0.split("\\|")) {
            if (!id.isBlank() && !id.equals("-1")) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * Whether model and curator disagree: some suggestion's span and type has no equal curated
     * mention, or some curated mention has no equal suggestion. A rejected suggestion is such a
     * disagreement, an accepted one is not (the curated layer holds its copy).
     */
    static boolean disagree(IndexedDocument indexed) {
        Set<SpansAndType> suggested = new HashSet<>();
        for (Suggestion s : indexed.suggestions()) {
            suggested.add(new SpansAndType(s.mention().spans(), s.mention().type()));
        }
        Set<SpansAndType> curated = new HashSet<>();
        for (EntityMention m : indexed.curated().mentions()) {
            curated.add(new SpansAndType(m.spans(), m.type()));
        }
        return !suggested.equals(curated);
    }

    /** Where a mention is and what type: what model and curator must share to agree. */
    private record SpansAndType(List<Span> spans, String type) {
    }
}
