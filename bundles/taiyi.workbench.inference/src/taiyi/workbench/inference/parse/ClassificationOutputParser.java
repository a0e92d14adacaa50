package taiyi.workbench.inference.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import taiyi.workbench.core.model.LabelSchema;

/**
 * Reads TC answers: {@code 上述文本被分类为：X}, {@code Result: X}, or bare labels, several labels
 * joined by {@code ; ， , 、} (multi-label corpora such as HoC), each matched to the schema's
 * document labels by any of their names. A line with a colon whose part before the colon is itself
 * a label is read whole (a label may contain a colon); otherwise what follows the colon is read.
 * Labels outside the schema are reported, never invented.
 */
public final class ClassificationOutputParser {

    private final TypeNames labels;

    public ClassificationOutputParser(LabelSchema schema) {
        this.labels = new TypeNames(schema.documentLabels());
    }

    public ParseResult<ParsedLabel> parse(String answer) {
        List<ParsedLabel> items = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        ProblemLog problems = new ProblemLog();
        for (AnswerLine line : AnswerLine.of(answer)) {
            if (AnswerLine.saysNothing(line.text())) {
                continue;
            }
            Piece whole = new Piece(line.start(), line.text());
            Optional<String> wholeLabel = labels.resolve(whole.trimmed().text());
            if (wholeLabel.isPresent()) {
                add(items, seen, wholeLabel.get(), whole.trimmed());
                continue;
            }
            int colon = line.colon();
            Piece rest = colon < 0 ? whole : new Piece(line.start() + colon + 1, line.text().substring(colon + 1));
            for (Piece part : rest.split(";；,，、", false)) {
                Optional<String> label = labels.resolve(part.text());
                if (label.isPresent()) {
                    add(items, seen, label.get(), part);
                } else if (!AnswerLine.saysNothing(part.text())) {
                    problems.add(line.number(), "unknown label " + ProblemLog.quote(part.text()) + " (the schema has "
                            + String.join(", ", labels.names()) + ")");
                }
            }
        }
        return new ParseResult<>(items, problems.list());
    }

    private static void add(List<ParsedLabel> items, Set<String> seen, String label, Piece at) {
        if (seen.add(label)) {
            items.add(new ParsedLabel(label, at.start(), at.end()));
        }
    }
}
