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

    /**
     * The tagger's passes per warm-started step by default: two passes over everything revealed, on top of
     * the weights of the step before. One pass leaves each step's model short of what its data can give, and the
     * curves' jitter near the 95 % line then decides where they cross (the README's BC5CDR runs: one pass, mnlp
     * 25 % fewer tokens than random; two passes, margin-per-token 36 %).
     */
    static final int DEFAULT_PASSES = 2;

    /** A learner of this id with the default passes per step. */
    static Choice named(String id) {
        return named(id, DEFAULT_PASSES);
    }

    /**
     * A learner of this id.
     *
     * @param passes the tagger's passes over the revealed documents at each step after the first (warm-started from
     *     the step before); a first step and the full-data model make quick()'s
     */
    static Choice named(String id, int passes) {
        return switch (id) {
            case "dictionary" -> {
                MentionLearner d = new DictionaryLearner();
                yield new Choice(d, previous -> d);
            }
            case "tagger" -> {
                // one thread per learner: the simulation runs its curves side by side instead; the texts are
                // prepared once for the whole run
                TaggerSettings cold = TaggerSettings.quick().withThreads(1);
                TaggerSettings warm = cold.withMaxIterations(passes);
                PreparedTexts texts = new PreparedTexts();
                // a new learner per step: startingFrom sets the learner's warm start, which must not pass from one curve to
                // the next; a first step and the full-data model start from nothing with quick()'s passes
                yield new Choice(new SequenceTaggerLearner(cold), previous -> previous instanceof TaggerModel t
                        ? new SequenceTaggerLearner(warm).sharing(texts).startingFrom(t)
                        : new SequenceTaggerLearner(cold).sharing(texts));
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
