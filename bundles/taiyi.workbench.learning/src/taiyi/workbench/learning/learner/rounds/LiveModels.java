package taiyi.workbench.learning.learner.rounds;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model each learner suggests with right now, per corpus. A retraining replaces it only once the
 * new model is trained and saved, in one step: until then, and for good if the retraining is
 * cancelled or fails, the previous model keeps answering.
 */
public final class LiveModels {

    private final Map<String, SavedModel> current = new ConcurrentHashMap<>();

    /** The model a learner currently suggests with in a corpus, if it has one. */
    public Optional<SavedModel> current(String corpus, String learnerId) {
        return Optional.ofNullable(current.get(key(corpus, learnerId)));
    }

    /**
     * Makes a model the current one of its learner, unless a later round already is (two retrainings
     * that finish out of order must not bring an older model back).
     */
    public void publish(String corpus, SavedModel model) {
        current.merge(key(corpus, model.model().learnerId()), model, (old, now) -> now.round() >= old.round() ? now : old);
    }

    /** Loads the latest saved round of a learner from the shelf if no model is current yet (after a restart). */
    public Optional<SavedModel> currentOrSaved(ModelShelf shelf, String corpus, String learnerId) {
        Optional<SavedModel> live = current(corpus, learnerId);
        if (live.isPresent()) {
            return live;
        }
        Optional<SavedModel> saved = shelf.latest(corpus, learnerId);
        saved.ifPresent(m -> publish(corpus, m));
        return current(corpus, learnerId);
    }

    private static String key(String corpus, String learnerId) {
        return corpus + "\u0000" + learnerId;
    }
}
