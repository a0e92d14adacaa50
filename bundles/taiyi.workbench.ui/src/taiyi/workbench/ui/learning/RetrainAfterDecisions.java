package taiyi.workbench.ui.learning;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;

import taiyi.workbench.learning.learner.rounds.DecisionTrigger;
import taiyi.workbench.learning.learner.rounds.LearnerChoice;
import taiyi.workbench.learning.learner.tagger.TaggerSettings;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.StoreChangeListener;
import taiyi.workbench.ui.preferences.ModelPreferences;

/**
 * Starts a retraining of a corpus's learners in the background after every N decisions in it (the
 * preference {@link ModelPreferences#RETRAIN_EVERY}; 0 turns it off). Follows the store's change
 * events and counts the decisions of the corpus's correction log with one query per change.
 */
public final class RetrainAfterDecisions implements StoreChangeListener {

    private static final Map<String, DecisionTrigger> TRIGGERS = new ConcurrentHashMap<>();
    private static int triggersEvery = -1;

    private final CorpusStore store;

    private RetrainAfterDecisions(CorpusStore store) {
        this.store = store;
    }

    /** Follows a store's changes from now on. */
    public static void follow(CorpusStore store) {
        store.addChangeListener(new RetrainAfterDecisions(store));
    }

    /** A retraining on demand began: the next automatic one is N decisions from now. */
    static void restartCounting(CorpusStore store, String corpus) {
        trigger(corpus).restartAt(store.log().decisionCount(corpus));
    }

    private static synchronized DecisionTrigger trigger(String corpus) {
        int every = ModelPreferences.current().retrainEvery();
        if (every != triggersEvery) {
            TRIGGERS.clear();
            triggersEvery = every;
        }
        return TRIGGERS.computeIfAbsent(corpus, c -> new DecisionTrigger(every));
    }

    @Override
    public void documentsChanged(String corpus, List<String> documentIds) {
        if (ModelPreferences.current().retrainEvery() == 0) {
            return;
        }
        try {
            if (trigger(corpus).due(store.log().decisionCount(corpus))) {
                new RetrainLearnersJob(store, corpus, LearnerChoice.parse("all", TaggerSettings.defaults())).schedule();
            }
        } catch (RuntimeException e) {
            ILog.of(RetrainAfterDecisions.class).log(Status.warning("cannot count the decisions of corpus " + corpus + ": "
                    + e.getMessage(), e));
        }
    }
}
