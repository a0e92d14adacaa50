package taiyi.workbench.learning.learner.rounds;

import java.util.List;
import java.util.Locale;

import taiyi.workbench.learning.learner.MentionLearner;
import taiyi.workbench.learning.learner.dictionary.DictionaryLearner;
import taiyi.workbench.learning.learner.tagger.SequenceTaggerLearner;
import taiyi.workbench.learning.learner.tagger.TaggerSettings;

/** The in-process learners by the names the CLI and the preferences use: {@code dictionary}, {@code tagger} or {@code all}. */
public final class LearnerChoice {

    /** Every name accepted, {@code all} last. */
    public static final List<String> NAMES = List.of(DictionaryLearner.ID, SequenceTaggerLearner.ID, "all");

    private LearnerChoice() {
    }

    /**
     * The learners a name stands for, the dictionary first (it trains in seconds, so its suggestions
     * arrive while the tagger still trains).
     *
     * @throws IllegalArgumentException naming the accepted names when the name is none of them
     */
    public static List<MentionLearner> parse(String name, TaggerSettings tagger) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case DictionaryLearner.ID -> List.of(new DictionaryLearner());
            case SequenceTaggerLearner.ID -> List.of(new SequenceTaggerLearner(tagger));
            case "all" -> List.of(new DictionaryLearner(), new SequenceTaggerLearner(tagger));
            default -> throw new IllegalArgumentException("learner must be one of " + String.join(", ", NAMES) + ", not '" + name + "'");
        };
    }
}
