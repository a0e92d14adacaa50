package taiyi.workbench.inference.parse;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Cuts {@code head, tail} into its two arguments at the comma that most likely separates them
 * (see {@link RelationOutputParser}).
 */
final class PairCut {

    private PairCut() {
    }

    static Optional<Piece[]> cut(Piece content, Predicate<String> occurs) {
        String t = content.text();
        Piece[] best = null;
        int bestScore = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != ',' && c != '，') {
                continue;
            }
            Piece head = new Piece(content.start(), t.substring(0, i)).trimmed();
            Piece tail = new Piece(content.start() + i + 1, t.substring(i + 1)).trimmed();
            if (head.text().isEmpty() || tail.text().isEmpty()) {
                continue;
            }
            int score = 0;
            if (occurs.test(head.text()) && occurs.test(tail.text())) {
                score += 4;
            }
            if (c == '，' || i + 1 < t.length() && AnswerLine.isBlank(t.charAt(i + 1))) {
                score += 2;
            }
            if (score > bestScore) {
                best = new Piece[] {head, tail};
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }
}
