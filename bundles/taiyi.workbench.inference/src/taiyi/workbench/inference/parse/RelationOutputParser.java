package taiyi.workbench.inference.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import taiyi.workbench.core.model.LabelSchema;

/**
 * Reads RE answers in the forms Taiyi writes:
 * <ul>
 * <li>{@code TYPE: [head, tail]; [head, tail]} — the type before the pairs, as a schema name or a
 * phrase containing one ({@code 具有药物治疗关系的实体对如下：[…]}); a later {@code TYPE2:} on the
 * same line switches type;</li>
 * <li>{@code (head, tail, type); (…)} — CMeIE-style triples;</li>
 * <li>bare {@code [head, tail]} pairs, or pairs after a phrase that describes pairs without
 * naming a type ({@code relation between …}, {@code …关系的实体对如下}), when the schema has a single
 * relation type.</li>
 * </ul>
 * Brackets and commas may be full-width. Arguments may contain commas ({@code b(0,+) rBAT}), so a
 * pair is cut at the comma where both sides occur in the source text, else at the first comma
 * followed by a space or a full-width comma, else at the first comma.
 */
public final class RelationOutputParser {

    private static final Pattern PAIR = Pattern.compile("[\\[［【]([^\\[\\]［］【】]*)[\\]］】]");
    private static final Pattern TRIPLE = Pattern.compile("[(（]([^()（）]*)[)）]");

    private final TypeNames types;

    public RelationOutputParser(LabelSchema schema) {
        this.types = new TypeNames(schema.relationTypes());
    }

    /**
     * Parses an answer.
     *
     * @param occursInSource whether a string occurs in the text the model read (decides where
     *        to cut an argument pair; {@code s -> false} when there is no text)
     */
    public ParseResult<ParsedRelation> parse(String answer, Predicate<String> occursInSource) {
        List<ParsedRelation> items = new ArrayList<>();
        Set<List<String>> seen = new LinkedHashSet<>();
        ProblemLog problems = new ProblemLog();
        for (AnswerLine line : AnswerLine.of(answer)) {
            if (AnswerLine.saysNothing(line.text())) {
                continue;
            }
            List<ParsedRelation> read = new ArrayList<>();
            Matcher pairs = PAIR.matcher(line.text());
            if (pairs.find()) {
                readPairs(line, pairs, occursInSource, read, problems);
            } else {
                Matcher triples = TRIPLE.matcher(line.text());
                if (triples.find()) {
                    readTriples(line, triples, occursInSource, read, problems);
                } else {
                    String after = afterColon(line.text());
                    if (!AnswerLine.saysNothing(after)) {
                        problems.add(line.number(), "no [head, tail] pair or (head, tail, type) triple in "
                                + ProblemLog.quote(line.text()));
                    }
                }
            }
            for (ParsedRelation r : read) {
                if (seen.add(List.of(r.type(), r.head().text(), r.tail().text()))) {
                    items.add(r);
                }
            }
        }
        return new ParseResult<>(items, problems.list());
    }

    private void readPairs(AnswerLine line, Matcher m, Predicate<String> occurs, List<ParsedRelation> out,
            ProblemLog problems) {
        String text = line.text();
        String type = null;
        boolean typeProblem = false;
        int previousEnd = 0;
        do {
            String between = text.substring(previousEnd, m.start());
            String label = between.replaceAll("^[\\s;；,，、]+|[\\s;；,，、]+$", "");
            if (!label.isEmpty() || type == null && !typeProblem) {
                Optional<String> resolved = relationType(label);
                if (resolved.isPresent()) {
                    type = resolved.get();
                    typeProblem = false;
                } else {
                    type = null;
                    typeProblem = true;
                    problems.add(line.number(), "unknown relation type " + ProblemLog.quote(stripColon(label))
                            + " (the schema has " + String.join(", ", types.names()) + ")");
                }
            }
            previousEnd = m.end();
            if (type == null) {
                continue;
            }
            Piece content = new Piece(line.start() + m.start(1), m.group(1));
            Optional<Piece[]> pair = PairCut.cut(content, occurs);
            if (pair.isEmpty()) {
                problems.add(line.number(), "pair " + ProblemLog.quote(m.group()) + " is not [head, tail]");
                continue;
            }
            out.add(new ParsedRelation(type, argument(pair.get()[0]), argument(pair.get()[1]), line.start() + m.start(),
                    line.start() + m.end()));
        } while (m.find());
    }

    private void readTriples(AnswerLine line, Matcher m, Predicate<String> occurs, List<ParsedRelation> out,
            ProblemLog problems) {
        do {
            Piece content = new Piece(line.start() + m.start(1), m.group(1));
            int lastComma = Math.max(content.text().lastIndexOf(','), content.text().lastIndexOf('，'));
            if (lastComma < 0) {
                problems.add(line.number(), "triple " + ProblemLog.quote(m.group()) + " is not (head, tail, type)");
                continue;
            }
            String writtenType = content.text().substring(lastComma + 1).strip();
            Optional<String> type = types.resolve(writtenType).or(() -> types.containedIn(writtenType));
            if (type.isEmpty()) {
                problems.add(line.number(), "unknown relation type " + ProblemLog.quote(writtenType) + " in "
                        + ProblemLog.quote(m.group()) + " (the schema has " + String.join(", ", types.names()) + ")");
                continue;
            }
            Optional<Piece[]> pair = PairCut.cut(new Piece(content.start(), content.text().substring(0, lastComma)), occurs);
            if (pair.isEmpty()) {
                problems.add(line.number(), "triple " + ProblemLog.quote(m.group()) + " is not (head, tail, type)");
                continue;
            }
            out.add(new ParsedRelation(type.get(), argument(pair.get()[0]), argument(pair.get()[1]),
                    line.start() + m.start(), line.start() + m.end()));
        } while (m.find());
    }

    /** The type a phrase before pairs names; with one relation type in the schema, any phrase names it. */
    private Optional<String> relationType(String label) {
        String written = stripColon(label);
        Optional<String> t = written.isEmpty() ? Optional.empty() : types.resolve(written).or(() -> types.containedIn(written));
        if (t.isEmpty() && types.size() == 1 && describesPairs(written)) {
            return Optional.of(types.names().get(0));
        }
        return t;
    }

    /**
     * Whether a phrase before pairs is a description rather than a type name: nothing, or words
     * like {@code relation}, {@code pairs}, {@code 关系}, {@code 实体对}, {@code 如下}. Only such a phrase
     * falls back to a single-type schema's type; {@code INHIBITS:} is a type the schema lacks.
     */
    private static boolean describesPairs(String phrase) {
        String p = phrase.toLowerCase(java.util.Locale.ROOT);
        return p.isEmpty() || p.contains("relation") || p.contains("pair") || p.contains("关系") || p.contains("实体对")
                || p.contains("如下");
    }

    private static String stripColon(String s) {
        return s.replaceAll("[\\s:：]+$", "").strip();
    }

    private static String afterColon(String s) {
        int c = Math.max(s.indexOf(':'), s.indexOf('：'));
        return c < 0 ? s : s.substring(c + 1);
    }

    private static ParsedArgument argument(Piece p) {
        return new ParsedArgument(p.text(), p.start(), p.end());
    }
}
