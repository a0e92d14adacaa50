package taiyi.workbench.learning.evaluation;

import java.util.Objects;

import taiyi.workbench.core.model.Provenance;

/**
 * Whose suggestions are scored: a model or a learner, at one round.
 *
 * @param id the provenance's model id (a learner's {@code MentionLearner.id()} for learners)
 * @param round the provenance's round
 */
public record SuggestionSource(String id, int round) implements Comparable<SuggestionSource> {

    public SuggestionSource {
        Objects.requireNonNull(id, "id");
    }

    public static SuggestionSource of(Provenance provenance) {
        return new SuggestionSource(provenance.modelId(), provenance.round());
    }

    public boolean made(Provenance provenance) {
        return provenance.modelId().equals(id) && provenance.round() == round;
    }

    @Override
    public int compareTo(SuggestionSource o) {
        int byId = id.compareTo(o.id);
        return byId != 0 ? byId : Integer.compare(round, o.round);
    }

    @Override
    public String toString() {
        return id + "@" + round;
    }
}
