package taiyi.workbench.cli;

import java.util.ArrayList;
import java.util.List;

import taiyi.workbench.learning.learner.MentionLearner;

/** The learners {@code taiyi simulate --learner} can retrain at each step, by id. */
final class SimulationLearners implements Iterable<String> {

    static final String DEFAULT = "dictionary";

    static MentionLearner named(String id) {
        throw new IllegalArgumentException("unknown learner '" + id + "' (known: " + String.join(", ", names()) + ")");
    }

    static List<String> names() {
        return List.of();
    }

    @Override
    public java.util.Iterator<String> iterator() {
        return new ArrayList<>(names()).iterator();
    }
}
