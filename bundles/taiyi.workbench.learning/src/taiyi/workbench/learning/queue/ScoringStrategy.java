package taiyi.workbench.learning.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A strategy that scores each candidate on its own and ranks by score, highest first, ties in pool order. */
abstract class ScoringStrategy implements QueueStrategy {

    abstract DocumentScore score(QueueCandidate candidate, QueuePool pool);

    @Override
    public List<RankedDocument> rank(QueuePool pool) {
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < pool.candidates().size(); i++) {
            QueueCandidate c = pool.candidates().get(i);
            scored.add(new Scored(i, c, score(c, pool)));
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score.score()).thenComparingInt(s -> s.order));
        List<RankedDocument> out = new ArrayList<>();
        for (Scored s : scored) {
            out.add(new RankedDocument(out.size() + 1, s.candidate.documentId(), id(), s.score.reason(), s.score.score(),
                    s.score.suggestions()));
        }
        return out;
    }

    private record Scored(int order, QueueCandidate candidate, DocumentScore score) {
    }

    /** A mention as the reason names it: its text, type, confidence and runner-up. */
    static String describe(QueueCandidate c, UncertainSuggestion s) {
        var m = s.mention();
        String text = m.end() <= c.text().length() ? c.text().substring(m.start(), m.end()) : m.start() + "-" + m.end();
        return "'" + text + "' " + m.type() + " " + Figures.format(m.confidence()) + " vs " + m.runnerUp() + " "
                + Figures.format(m.runnerUpConfidence()) + " (" + s.source() + ")";
    }
}
