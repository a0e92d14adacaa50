package taiyi.workbench.inference.preannotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import taiyi.workbench.core.curation.LabelSuggestion;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.ScoreAttributes;
import taiyi.workbench.inference.align.AlignedMention;
import taiyi.workbench.inference.align.Alignment;
import taiyi.workbench.inference.align.MatchKind;
import taiyi.workbench.inference.align.MentionAligner;
import taiyi.workbench.inference.align.MentionQuery;
import taiyi.workbench.inference.parse.ClassificationOutputParser;
import taiyi.workbench.inference.parse.NerOutputParser;
import taiyi.workbench.inference.parse.ParseResult;
import taiyi.workbench.inference.parse.ParsedArgument;
import taiyi.workbench.inference.parse.ParsedLabel;
import taiyi.workbench.inference.parse.ParsedMention;
import taiyi.workbench.inference.parse.ParsedRelation;
import taiyi.workbench.inference.parse.RelationOutputParser;
import taiyi.workbench.inference.task.TextWindow;

/**
 * Turns one document's answers into suggestions, window by window, NER before RE so that
 * relations can point at the mentions NER suggested.
 *
 * <p>Relation arguments: each argument string is placed in the window and the pair of
 * occurrences closest to each other is taken. An argument whose span a mention suggestion already
 * covers reuses it, whatever its type (NER knows types better than RE). Otherwise a mention
 * suggestion is created for it, typed as NER typed the same string elsewhere in the document,
 * else as the schema's only entity type if it has one, else {@value #UNTYPED} for the curator to
 * type; it carries the attribute {@code relation.argument} ({@code head} or {@code tail}).
 */
final class DocumentAssembly {

    /** The type of a relation argument nothing says the type of. */
    static final String UNTYPED = "entity";

    private final String documentId;
    private final String round;
    private final LabelSchema schema;
    private final Provenance provenance;
    private final NerOutputParser nerParser;
    private final RelationOutputParser relationParser;
    private final ClassificationOutputParser labelParser;
    private final List<Suggestion> mentions = new ArrayList<>();
    private final Map<Span, List<Suggestion>> mentionsBySpan = new HashMap<>();
    private final Map<String, String> nerTypeByText = new HashMap<>();
    private final List<RelationSuggestion> relations = new ArrayList<>();
    private final Map<String, LabelSuggestion> labels = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int next;

    DocumentAssembly(String documentId, LabelSchema schema, Provenance provenance, NerOutputParser nerParser,
            RelationOutputParser relationParser, ClassificationOutputParser labelParser) {
        this.documentId = documentId;
        this.round = Integer.toString(provenance.round());
        this.schema = schema;
        this.provenance = provenance;
        this.nerParser = nerParser;
        this.relationParser = relationParser;
        this.labelParser = labelParser;
    }

    void add(WindowRequest request, Generation answer) {
        switch (request.instruction().kind()) {
            case NER -> addMentions(request, answer);
            case RE -> addRelations(request, answer);
            case TC -> addLabels(request, answer);
            default -> throw new IllegalStateException(request.instruction().kind().name());
        }
    }

    DocumentPreannotation build() {
        return new DocumentPreannotation(documentId, mentions, relations, new ArrayList<>(labels.values()), problems);
    }

    private void addMentions(WindowRequest request, Generation answer) {
        TextWindow window = request.window();
        MentionAligner aligner = new MentionAligner(window.text());
        ParseResult<ParsedMention> parsed = nerParser.parse(answer.text(), aligner::occurs);
        List<ParsedMention> items = Truncation.complete(parsed.items(), ParsedMention::text, ParsedMention::end, answer,
                message -> report(request, message));
        parsed.problems().forEach(p -> report(request, p));
        Map<MentionQuery, ParsedMention> byQuery = new LinkedHashMap<>();
        items.forEach(m -> byQuery.putIfAbsent(new MentionQuery(m.type(), m.text()), m));
        Alignment alignment = aligner.align(new ArrayList<>(byQuery.keySet()));
        for (MentionQuery missing : alignment.missing()) {
            report(request, missing.type() + " '" + missing.text() + "' is not in the window's text");
        }
        Provenance asked = provenance.withWording(request.instruction().wordingId());
        for (AlignedMention a : alignment.found()) {
            ParsedMention item = byQuery.get(a.query());
            TokenScore score = TokenScore.of(answer, item.start(), item.end());
            Span span = new Span(window.toDocument(a.span().start()), window.toDocument(a.span().end()));
            addMention(a.query().type(), span, score, a.match(), a.query().text(), Map.of(), asked);
            nerTypeByText.putIfAbsent(key(a.query().text()), a.query().type());
        }
    }

    private Suggestion addMention(String type, Span span, TokenScore score, MatchKind match, String written,
            Map<String, String> extra, Provenance asked) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (!score.known()) {
            attributes.put(ScoreAttributes.UNKNOWN, "true");
        }
        if (!Double.isNaN(score.min())) {
            attributes.put(ScoreAttributes.MIN, Double.toString(score.min()));
        }
        if (!Double.isNaN(score.margin())) {
            attributes.put(ScoreAttributes.MARGIN, Double.toString(score.margin()));
            attributes.put(ScoreAttributes.RUNNER_UP, Double.toString(score.runnerUp()));
        }
        if (match != MatchKind.EXACT) {
            attributes.put("match", match.name().toLowerCase(Locale.ROOT));
            attributes.put("generated", written);
        }
        attributes.putAll(extra);
        EntityMention mention = new EntityMention(nextId(), type, List.of(span), List.of(), attributes);
        Suggestion s = new Suggestion(mention, asked, score.mean());
        mentions.add(s);
        mentionsBySpan.computeIfAbsent(span, k -> new ArrayList<>()).add(s);
        return s;
    }

    private void addRelations(WindowRequest request, Generation answer) {
        TextWindow window = request.window();
        MentionAligner aligner = new MentionAligner(window.text());
        ParseResult<ParsedRelation> parsed = relationParser.parse(answer.text(), aligner::occurs);
        // a pair is complete once its bracket closes; what the limit cut after the last one is lost
        List<ParsedRelation> items = parsed.items();
        parsed.problems().forEach(p -> report(request, p));
        if (answer.stopReason() == Generation.StopReason.MAX_TOKENS) {
            report(request, "the answer reached the token limit; pairs after its last complete one are lost");
        }
        Provenance asked = provenance.withWording(request.instruction().wordingId());
        for (ParsedRelation r : items) {
            List<Span> heads = aligner.occurrences(r.head().text());
            List<Span> tails = aligner.occurrences(r.tail().text());
            if (heads.isEmpty() || tails.isEmpty()) {
                report(request, r.type() + " [" + r.head().text() + ", " + r.tail().text() + "]: "
                        + (heads.isEmpty() ? "head '" + r.head().text() + "'" : "tail '" + r.tail().text() + "'")
                        + " is not in the window's text");
                continue;
            }
            Span[] pair = closestPair(heads, tails);
            String head = argument(window, pair[0], r.head(), "head", answer, asked).id();
            String tail = argument(window, pair[1], r.tail(), "tail", answer, asked).id();
            TokenScore score = TokenScore.of(answer, r.start(), r.end());
            relations.add(new RelationSuggestion(new Relation(nextId(), r.type(), head, tail), asked, score.mean()));
        }
    }

    private Suggestion argument(TextWindow window, Span inWindow, ParsedArgument written, String role, Generation answer,
            Provenance asked) {
        Span span = new Span(window.toDocument(inWindow.start()), window.toDocument(inWindow.end()));
        List<Suggestion> existing = mentionsBySpan.getOrDefault(span, List.of());
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        String type = Optional.ofNullable(nerTypeByText.get(key(written.text())))
                .orElse(schema.entityTypes().size() == 1 ? schema.entityTypes().get(0).name() : UNTYPED);
        MatchKind match = window.text().substring(inWindow.start(), inWindow.end()).equals(written.text().strip())
                ? MatchKind.EXACT : MatchKind.FOLDED;
        return addMention(type, span, TokenScore.of(answer, written.start(), written.end()), match, written.text(),
                Map.of("relation.argument", role), asked);
    }

    /** The occurrences of head and tail nearest each other (first such pair), not the same chars. */
    private static Span[] closestPair(List<Span> heads, List<Span> tails) {
        Span[] best = null;
        long bestDistance = Long.MAX_VALUE;
        for (Span h : heads) {
            for (Span t : tails) {
                if (h.equals(t) && (heads.size() > 1 || tails.size() > 1)) {
                    continue;
                }
                long distance = Math.abs((long) h.start() + h.end() - t.start() - t.end());
                if (distance < bestDistance) {
                    best = new Span[] {h, t};
                    bestDistance = distance;
                }
            }
        }
        return best != null ? best : new Span[] {heads.get(0), tails.get(0)};
    }

    private void addLabels(WindowRequest request, Generation answer) {
        ParseResult<ParsedLabel> parsed = labelParser.parse(answer.text());
        List<ParsedLabel> items = Truncation.complete(parsed.items(), ParsedLabel::label, ParsedLabel::end, answer,
                message -> report(request, message));
        parsed.problems().forEach(p -> report(request, p));
        Provenance asked = provenance.withWording(request.instruction().wordingId());
        for (ParsedLabel l : items) {
            TokenScore score = TokenScore.of(answer, l.start(), l.end());
            LabelSuggestion s = new LabelSuggestion(l.label(), asked, score.mean());
            // a label any window gives is the document's; the surest window's score stands for it
            labels.merge(l.label(), s, (a, b) -> b.score() > a.score() ? b : a);
        }
    }

    private void report(WindowRequest request, String message) {
        TextWindow w = request.window();
        problems.add("document " + documentId + " window " + w.index() + " (chars " + w.start() + "-" + w.end() + ") "
                + request.instruction().kind() + ": " + message);
    }

    private String nextId() {
        return "s-" + round + "-" + (++next);
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
