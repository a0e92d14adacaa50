package taiyi.workbench.learning.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Disagreement between sources, a committee of Taiyi, the tagger and the dictionary: the share of
 * mentions (span and type) that not every source predicted, {@code 1 - |agreed| / |any|}. A document
 * fewer than two sources predicted for has score 0: there is nobody to disagree with. Inside a
 * document the disputed suggestions come first (fewest votes), then the smallest margin.
 */
public final class DisagreementStrategy extends ScoringStrategy {

    public static final String ID = "disagreement";

    @Override
    public String id() {
        return ID;
    }

    private record Key(int start, int end, String type) {
    }

    @Override
    DocumentScore score(QueueCandidate c, QueuePool pool) {
        Map<Key, Set<String>> votes = new HashMap<>();
        Set<String> sources = new HashSet<>();
        for (SourcePrediction s : c.sources()) {
            sources.add(s.source());
            for (UncertainSuggestion u : s.suggestions()) {
                votes.computeIfAbsent(key(u), k -> new HashSet<>()).add(s.source());
            }
        }
        List<UncertainSuggestion> ordered = new ArrayList<>(c.suggestionsByUncertainty());
        ordered.sort(Comparator.comparingInt(u -> votes.get(key(u)).size()));
        if (sources.size() < 2) {
            return new DocumentScore(0, sources.isEmpty() ? "no source predicted it" : "only " + sources.iterator().next()
                    + " predicted it", ordered);
        }
        if (votes.isEmpty()) {
            return new DocumentScore(0, "the " + sources.size() + " sources agree: no mention", ordered);
        }
        int agreed = 0;
        for (Set<String> v : votes.values()) {
            if (v.size() == sources.size()) {
                agreed++;
            }
        }
        double disagreement = 1 - (double) agreed / votes.size();
        String reason = (votes.size() - agreed) + " of " + votes.size() + " mentions disputed by " + sources.size()
                + " sources";
        if (agreed < votes.size()) {
            UncertainSuggestion first = ordered.get(0);
            reason += ", e.g. " + describe(c, first) + " alone";
        }
        return new DocumentScore(disagreement, reason, ordered);
    }

    private static Key key(UncertainSuggestion u) {
        return new Key(u.mention().start(), u.mention().end(), u.mention().type());
    }
}
