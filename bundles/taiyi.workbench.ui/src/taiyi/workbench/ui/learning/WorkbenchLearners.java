package taiyi.workbench.ui.learning;

import taiyi.workbench.learning.learner.rounds.LiveModels;
import taiyi.workbench.learning.learner.rounds.ModelShelf;
import taiyi.workbench.store.CorpusStore;

/**
 * The running workbench's learner models: saved by round beside the corpus database, and the live
 * model of each learner and corpus, shared by every job.
 */
public final class WorkbenchLearners {

    private static final LiveModels LIVE = new LiveModels();

    private WorkbenchLearners() {
    }

    public static LiveModels live() {
        return LIVE;
    }

    public static ModelShelf shelf(CorpusStore store) {
        return ModelShelf.beside(store.folder());
    }
}
