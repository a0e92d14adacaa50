package taiyi.workbench.cli;

import java.util.ArrayList;
import java.util.List;

import taiyi.workbench.learning.learner.MentionLearner;
import taiyi.workbench.learning.learner.dictionary.DictionaryLearner;
import taiyi.workbench.learning.learner.tagger.PreparedTexts;
import taiyi.workbench.learning.learner.tagger.SequenceTaggerLearner;
import taiyi.workbench.learning.learner.tagger.TaggerModel;
import taiyi.workbench.learning.learner.tagger.TaggerSettings;
import taiyi.workbench.learning.simulation.Simulation;

/**
 * The learners {@code taiyi simulate --learner} can retrain at each step, by id: the dictionary, and
 * the sequence tagger in its quick setting (fewer passes, warm-started from the previous step's
 * weights), since a simulation retrains it once per batch per strategy per seed.
 */
final class SimulationLearners implements Iterable<String> {

    static final String DEFAULT = "tagger";


    /** A learner of this id, and how it retrains after a step. */
    record Choice(MentionLearner first, Simulation.Retraining retraining) {
    }

    static Choice named(String id) {
        return switch (id) {
            case "dictionary" -> {
                MentionLearner d = new DictionaryLearner();
                yield new Choice(d, previous -> d);
            }
            case "tagger" -> {
                // one thread per learner: the simulation runs its curves side by side instead; the texts are
                // prepared once for the whole run
                TaggerSettings quick = TaggerSettings.quick().withThreads(1);
                PreparedTexts texts = new PreparedTexts();
                // a new learner per step: startingFrom sets the learner's warm start, which must not pass from one curve to the next
                yield new Choice(new SequenceTaggerLearner(quick), previous -> {
                    SequenceTaggerLearner next = new SequenceTaggerLearner(quick).sharing(texts);
                    return previous instanceof TaggerModel t ? next.startingFrom(t) : next;
                });
            }
            default -> throw new IllegalArgumentException("unknown learner '" + id + "' (known: " + String.join(", ", names()) + ")");
        };
    }

    static List<String> names() {
        return List.of("tagger", "dictionary");
    }

    @Override
    public java.util.Iterator<String> iterator() {
        return new ArrayList<>(names()).iterator();
    }
}
