package taiyi.workbench.inference.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import taiyi.workbench.core.model.LabelSchema;

/**
 * Reads NER answers: one line per type, {@code type：m1; m2} (or {@code type: m1; m2}), the type
 * as any of the schema's names, {@code 无}/{@code None} or an empty list for no mention.
 *
 * <p>Taiyi separates mentions with {@code ;} or {@code ；}. Mentions can contain {@code 、} and
 * commas ({@code 足底、足背贯通性溃疡}, {@code 2,4-dinitrophenol}), so those split a piece only when
 * the whole piece is not in the source text while a part of it is, or when the line has no
 * semicolon at all ({@code Chemical: valproic acid, ammonia}); a comma counts as a separator only
 * with a space after it.
 */
public final class NerOutputParser {

    private static final String PRIMARY = ";；";
    private static final String SECONDARY = "、，,";

    private final TypeNames types;

    public NerOutputParser(LabelSchema schema) {
        this.types = new TypeNames(schema.entityTypes());
    }

    /**
     * Parses an answer.
     *
     * @param occursInSource whether a string occurs in the text the model read (decides how to
     *        split pieces with commas; {@code s -> false} when there is no text)
     */
    public ParseResult<ParsedMention> parse(String answer, Predicate<String> occursInSource) {
        List<ParsedMention> items = new ArrayList<>();
        Set<List<String>> seen = new LinkedHashSet<>();
        ProblemLog problems = new ProblemLog();
        for (AnswerLine line : AnswerLine.of(answer)) {
            if (AnswerLine.saysNothing(line.text())) {
                continue;
            }
            int colon = line.colon();
            if (colon < 0) {
                problems.add(line.number(), "no 'type: mentions' in " + ProblemLog.quote(line.text()));
                continue;
            }
            String written = line.text().substring(0, colon);
            Optional<String> type = types.resolve(written);
            if (type.isEmpty()) {
                problems.add(line.number(), "unknown entity type " + ProblemLog.quote(written.strip()) + " (the schema has "
                        + String.join(", ", types.names()) + ")");
                continue;
            }
            Piece rest = new Piece(line.start() + colon + 1, line.text().substring(colon + 1));
            List<Piece> primary = rest.split(PRIMARY, false);
            boolean hadPrimary = primary.size() > 1;
            for (Piece piece : primary) {
                for (Piece mention : splitSecondary(piece, hadPrimary, occursInSource)) {
                    if (AnswerLine.saysNothing(mention.text())) {
                        continue;
                    }
                    if (seen.add(List.of(type.get(), mention.text()))) {
                        items.add(new ParsedMention(type.get(), mention.text(), mention.start(), mention.end()));
                    }
                }
            }
        }
        return new ParseResult<>(items, problems.list());
    }

    private static List<Piece> splitSecondary(Piece piece, boolean hadPrimary, Predicate<String> occursInSource) {
        List<Piece> parts = piece.split(SECONDARY, true);
        if (parts.size() < 2 || occursInSource.test(piece.text())) {
            return List.of(piece);
        }
        boolean partFound = parts.stream().anyMatch(p -> occursInSource.test(p.text()));
        return partFound || !hadPrimary ? parts : List.of(piece);
    }
}
