package taiyi.workbench.curation;

import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;

/**
 * Which suggestions a bulk decision takes: every condition given must hold, and one left null holds
 * for all. A type names an entity type for mention suggestions and a relation type for relation
 * suggestions (label schemas keep the two kinds of name apart), so "accept all CID" takes relations
 * only and "accept all Disease" mentions only.
 *
 * @param source the model id the suggestion came from, or null
 * @param round the curation round it was made for, or null
 * @param type the entity or relation type, or null
 * @param minScore the lowest score taken, or null
 */
public record SuggestionFilter(String source, Integer round, String type, Double minScore) {

    public SuggestionFilter {
        if (round != null && round < 0) {
            throw new IllegalArgumentException("round " + round + " is negative");
        }
        if (minScore != null && minScore.isNaN()) {
            throw new IllegalArgumentException("a minimum score must be a number");
        }
    }

    /** Every suggestion. */
    public static SuggestionFilter all() {
        return new SuggestionFilter(null, null, null, null);
    }

    /** The suggestions of one entity or relation type. */
    public static SuggestionFilter ofType(String type) {
        return new SuggestionFilter(null, null, type, null);
    }

    /** The suggestions scored at least {@code minScore}. */
    public static SuggestionFilter scoredAtLeast(double minScore) {
        return new SuggestionFilter(null, null, null, minScore);
    }

    public boolean matches(Suggestion s) {
        return matches(s.provenance().modelId(), s.provenance().round(), s.mention().type(), s.score());
    }

    public boolean matches(RelationSuggestion r) {
        return matches(r.provenance().modelId(), r.provenance().round(), r.relation().type(), r.score());
    }

    private boolean matches(String modelId, int itsRound, String itsType, double score) {
        return (source == null || source.equals(modelId)) && (round == null || round == itsRound)
                && (type == null || type.equals(itsType)) && (minScore == null || score >= minScore);
    }
}
