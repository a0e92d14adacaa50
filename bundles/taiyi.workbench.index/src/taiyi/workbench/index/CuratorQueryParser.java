package taiyi.workbench.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import taiyi.workbench.core.model.AnnotationLayer;


/**
 * The curators' query language, read into a Lucene query.
 *
 * <pre>
 * query   := or
 * or      := and ("OR" and)*
 * and     := unary (["AND"] unary)*          adjacent clauses are ANDed
 * unary   := ("NOT" | "-") unary | primary
 * primary := "(" or ")" | field ":" value | "\"phrase\"" | word
 * </pre>
 *
 * Words and phrases search the text, English and Chinese alike (each is analysed by both analysers
 * and the better match counts; see {@link CorpusAnalyzers}). Fields: {@code type status layer concept} describe one annotation,
 * {@code mention relation label state lang disagree id} the document. Within one AND group the
 * annotation fields combine into one annotation ({@code type:Disease status:unreviewed}: a Disease
 * suggestion nobody has reviewed) until a field repeats, which starts the next annotation
 * ({@code type:Disease type:Chemical}: both kinds). Lucene's own query syntax is not used because it
 * cannot tie two fields to the same annotation and reports errors as Java exception text.
 */
public final class CuratorQueryParser {

    /** The fields a query may use, in the order the help text lists them. */
    public static final List<String> FIELDS = List.of("type", "status", "layer", "concept", "mention", "relation", "label",
            "state", "lang", "disagree", "id");
    private static final Set<String> ANNOTATION_FIELDS = Set.of("type", "status", "layer", "concept");

    /** Builds phrase queries with the index's own per-field analysers, so query and text agree. */
    private final QueryBuilder builder;

    public CuratorQueryParser() {
        this(CorpusAnalyzers.forQueries());
    }

    CuratorQueryParser(Analyzer analyzer) {
        this.builder = new QueryBuilder(analyzer);
    }

    /**
     * Reads a query on one corpus (which {@code id:} needs: an id names a document only within its corpus).
     *
     * @throws QuerySyntaxException when it cannot be read, naming the column
     */
    public Query parse(String corpus, String query) {
        return new Reader(corpus, query).read();
    }

    private enum Kind { WORD, PHRASE, FIELD, AND, OR, NOT, OPEN, CLOSE, END }

    /** A token; for FIELD, {@code text} is the value and {@code field} the name. */
    private record Token(Kind kind, String text, String field, int column, int valueColumn) {
    }

    /** A parsed clause: a Lucene query, or an annotation field still to be merged with its neighbours. */
    private record Clause(Query query, boolean negated, Token annotationField) {
    }

    private final class Reader {
        private final String corpus;
        private final String q;
        private final List<Token> tokens;
        private int next;

        Reader(String corpus, String q) {
            this.corpus = corpus;
            this.q = q;
            this.tokens = tokenize(q);
        }

        Query read() {
            if (tokens.get(0).kind() == Kind.END) {
                throw error(1, "the query is empty");
            }
            Query result = or();
            Token t = peek();
            if (t.kind() == Kind.CLOSE) {
                throw error(t.column(), "')' without a matching '('");
            }
            if (t.kind() != Kind.END) {
                throw error(t.column(), "unexpected '" + t.text() + "'");
            }
            return result;
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Query or() {
            List<Query> alternatives = new ArrayList<>();
            alternatives.add(and());
            while (peek().kind() == Kind.OR) {
                Token or = tokens.get(next++);
                requireOperand(or);
                alternatives.add(and());
            }
            if (alternatives.size() == 1) {
                return alternatives.get(0);
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            alternatives.forEach(a -> b.add(a, Occur.SHOULD));
            return b.build();
        }

        private Query and() {
            List<Clause> clauses = new ArrayList<>();
            clauses.add(unary());
            while (true) {
                Token t = peek();
                if (t.kind() == Kind.AND) {
                    next++;
                    requireOperand(t);
                    clauses.add(unary());
                } else if (startsOperand(t)) {
                    clauses.add(unary());
                } else {
                    break;
                }
            }
            return conjunction(clauses);
        }

        private boolean startsOperand(Token t) {
            return switch (t.kind()) {
                case WORD, PHRASE, FIELD, NOT, OPEN -> true;
                default -> false;
            };
        }

        private void requireOperand(Token operator) {
            if (!startsOperand(peek())) {
                throw error(operator.column(), operator.text() + " needs something to search for after it");
            }
        }

        private Clause unary() {
            Token t = peek();
            if (t.kind() == Kind.NOT) {
                next++;
                requireOperand(t);
                Clause inner = unary();
                return new Clause(inner.annotationField() != null ? annotation(List.of(inner.annotationField()))
                        : inner.query(), !inner.negated(), null);
            }
            return primary();
        }

        private Clause primary() {
            Token t = tokens.get(next++);
            switch (t.kind()) {
                case OPEN -> {
                    if (peek().kind() == Kind.CLOSE) {
                        throw error(peek().column(), "empty parentheses");
                    }
                    Query inner = or();
                    if (peek().kind() != Kind.CLOSE) {
                        throw error(t.column(), "'(' is never closed");
                    }
                    next++;
                    return new Clause(inner, false, null);
                }
                case WORD, PHRASE -> {
                    return new Clause(text(t.text()), false, null);
                }
                case FIELD -> {
                    return ANNOTATION_FIELDS.contains(t.field()) ? new Clause(null, false, t)
                            : new Clause(documentField(t), false, null);
                }
                case AND, OR -> throw error(t.column(), t.text() + " needs something to search for before it");
                case CLOSE -> throw error(t.column(), "')' without a matching '('");
                default -> throw error(t.column(), "the query ends too early");
            }
        }

        /**
         * ANDs the clauses; runs of annotation fields become annotations, a repeated field starting
         * the next one.
         */
        private Query conjunction(List<Clause> clauses) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean positive = false;
            int count = 0;
            List<Token> group = new ArrayList<>();
            for (Clause c : clauses) {
                if (c.annotationField() != null) {
                    Token f = c.annotationField();
                    if (group.stream().anyMatch(g -> g.field().equals(f.field()))) {
                        b.add(annotation(group), Occur.MUST);
                        count++;
                        group = new ArrayList<>();
                    }
                    group.add(f);
                    positive = true;
                } else if (c.query() != null) {
                    b.add(c.query(), c.negated() ? Occur.MUST_NOT : Occur.MUST);
                    positive |= !c.negated();
                    count++;
                }
            }
            if (!group.isEmpty()) {
                b.add(annotation(group), Occur.MUST);
                count++;
            }
            if (count == 0) {
                // only stop words: nothing to look for
                return new MatchNoDocsQuery("the query has only stop words");
            }
            if (!positive) {
                // NOT alone means "every document but": Lucene needs something to subtract from
                b.add(new MatchAllDocsQuery(), Occur.MUST);
            }
            BooleanQuery built = b.build();
            return built.clauses().size() == 1 && built.clauses().get(0).getOccur() == Occur.MUST
                    ? built.clauses().get(0).getQuery() : built;
        }

        /** One annotation with the given facts: a term of the compound {@code state|type|concept} field. */
        private Query annotation(List<Token> facts) {
            String type = IndexFields.ANY;
            String concept = IndexFields.ANY;
            String layer = null;
            List<String> statuses = null;
            for (Token f : facts) {
                String v = IndexFields.lower(f.text());
                switch (f.field()) {
                    case "type" -> type = v;
                    case "concept" -> concept = v;
                    case "layer" -> layer = oneOf(f, v, Map.of(AnnotationLayer.SUGGESTED.id(), AnnotationLayer.SUGGESTED.id(), "suggestion",
                            AnnotationLayer.SUGGESTED.id(), AnnotationLayer.CURATED.id(), AnnotationLayer.CURATED.id()));
                    case "status" -> statuses = switch (v) {
                        case "unreviewed", "accepted", "rejected" -> List.of(v);
                        case "reviewed" -> List.of(IndexFields.ACCEPTED, IndexFields.REJECTED);
                        default -> throw error(f.valueColumn(), "status is one of unreviewed, accepted, rejected, reviewed; not '"
                                + f.text() + "'");
                    };
                    default -> throw new IllegalStateException(f.field());
                }
            }
            List<String> states;
            if (statuses != null) {
                if (AnnotationLayer.CURATED.id().equals(layer)) {
                    // statuses belong to suggestions: a curated mention has none
                    return new MatchNoDocsQuery("status of a curated mention");
                }
                states = statuses;
            } else if (AnnotationLayer.CURATED.id().equals(layer)) {
                states = List.of(AnnotationLayer.CURATED.id());
            } else if (AnnotationLayer.SUGGESTED.id().equals(layer)) {
                states = IndexFields.STATES.subList(1, 4);
            } else {
                states = IndexFields.STATES;
            }
            if (!IndexFields.ANY.equals(concept)) {
                // the compound keys hold the bare id: MESH:D003924 and D003924 are one concept
                concept = IndexFields.lower(taiyi.workbench.core.model.Normalization.parse(concept).id());
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (String state : states) {
                b.add(IndexFields.ANY.equals(type) && !IndexFields.ANY.equals(concept) ? new AnyTypeKeyQuery(state, concept)
                        : new TermQuery(new Term(IndexFields.ANNOTATION, IndexFields.annotationKey(state, type, concept))), Occur.SHOULD);
            }
            BooleanQuery built = b.build();
            return built.clauses().size() == 1 ? built.clauses().get(0).getQuery() : built;
        }

        private Query documentField(Token f) {
            String v = IndexFields.lower(f.text());
            return switch (f.field()) {
                case "mention" -> term(IndexFields.MENTION, v);
                case "relation" -> term(IndexFields.RELATION, v);
                case "label" -> term(IndexFields.LABEL, v);
                case "id" -> term(IndexFields.KEY, IndexFields.key(corpus, f.text()));
                case "state" -> term(IndexFields.STATE, oneOf(f, v, Map.of("new", "new", "in_progress", "in_progress",
                        "in-progress", "in_progress", "inprogress", "in_progress", "done", "done")));
                case "lang" -> term(IndexFields.LANGUAGE, oneOf(f, v, Map.of("en", "en", "english", "en", "zh", "zh",
                        "chinese", "zh")));
                case "disagree" -> term(IndexFields.DISAGREE, oneOf(f, v, Map.of("true", "true", "false", "false")));
                default -> throw new IllegalStateException(f.field());
            };
        }

        private String oneOf(Token f, String value, Map<String, String> allowed) {
            String mapped = allowed.get(value);
            if (mapped == null) {
                throw error(f.valueColumn(), f.field() + " is one of " + String.join(", ", new java.util.TreeSet<>(allowed.keySet()))
                        + "; not '" + f.text() + "'");
            }
            return mapped;
        }

        private QuerySyntaxException error(int column, String reason) {
            return new QuerySyntaxException(q, column, reason);
        }
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    /**
     * A word or phrase against the text: the English and the Chinese analysis of it as phrases,
     * whichever scores better; null when both analyses leave nothing (punctuation alone).
     */
    Query text(String text) {
        Query en = builder.createPhraseQuery(IndexFields.TEXT_EN, text);
        Query zh = builder.createPhraseQuery(IndexFields.TEXT_ZH, text);
        if (en == null && zh == null) {
            return null;
        }
        if (en == null || zh == null) {
            return en != null ? en : zh;
        }
        return new DisjunctionMaxQuery(List.of(en, zh), 0.0f);
    }

    private static List<Token> tokenize(String q) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), null, column, column));
                i++;
            } else if (c == '"') {
                int close = q.indexOf('"', i + 1);
                if (close < 0) {
                    throw new QuerySyntaxException(q, column, "the phrase starting here has no closing quote");
                }
                String phrase = q.substring(i + 1, close);
                if (phrase.isBlank()) {
                    throw new QuerySyntaxException(q, column, "empty phrase");
                }
                out.add(new Token(Kind.PHRASE, phrase, null, column, column));
                i = close + 1;
            } else if (c == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1)) && (i == 0 || isBoundary(q.charAt(i - 1)))) {
                out.add(new Token(Kind.NOT, "-", null, column, column));
                i++;
            } else {
                int end = i;
                while (end < n && !isBoundary(q.charAt(end)) && q.charAt(end) != '"') {
                    end++;
                }
                String word = q.substring(i, end);
                int colon = word.indexOf(':');
                if (colon > 0 && word.substring(0, colon).chars().allMatch(Character::isLetter)) {
                    String field = IndexFields.lower(word.substring(0, colon));
                    if (!FIELDS.contains(field)) {
                        throw new QuerySyntaxException(q, column, "unknown field '" + word.substring(0, colon) + "' (fields: "
                                + String.join(", ", FIELDS) + ")");
                    }
                    int valueStart = i + colon + 1;
                    String value = word.substring(colon + 1);
                    if (value.isEmpty() && end < n && q.charAt(end) == '"') {
                        int close = q.indexOf('"', end + 1);
                        if (close < 0) {
                            throw new QuerySyntaxException(q, end + 1, "the phrase starting here has no closing quote");
                        }
                        value = q.substring(end + 1, close);
                        end = close + 1;
                    }
                    if (value.isBlank()) {
                        throw new QuerySyntaxException(q, valueStart + 1, field + ": needs a value");
                    }
                    out.add(new Token(Kind.FIELD, value, field, column, valueStart + 1));
                } else {
                    Kind kind = switch (word) {
                        case "AND", "&&" -> Kind.AND;
                        case "OR", "||" -> Kind.OR;
                        case "NOT" -> Kind.NOT;
                        default -> Kind.WORD;
                    };
                    out.add(new Token(kind, word, null, column, column));
                }
                i = end;
            }
        }
        out.add(new Token(Kind.END, "", null, n + 1, n + 1));
        return out;
    }

    private static boolean isBoundary(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')';
    }
}
