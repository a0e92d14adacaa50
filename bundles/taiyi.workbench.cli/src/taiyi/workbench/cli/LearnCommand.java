package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.learning.DocumentSelection;
import taiyi.workbench.learning.learner.MentionLearner;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.learning.learner.rounds.LearnerChoice;
import taiyi.workbench.learning.learner.rounds.LiveModels;
import taiyi.workbench.learning.learner.rounds.ModelShelf;
import taiyi.workbench.learning.learner.rounds.Retraining;
import taiyi.workbench.learning.learner.rounds.RetrainingResult;
import taiyi.workbench.learning.learner.tagger.TaggerSettings;
import taiyi.workbench.store.CorpusStore;

/**
 * {@code taiyi learn}: trains the in-process learners on a corpus's curated layer, saves each model as
 * its next round beside the database, and writes its suggestions for every document of the corpus —
 * the same run as the workbench's Retrain Learners job.
 */
@Command(name = "learn", description = "Train the in-process learners (dictionary, tagger) on a corpus's curated layer and write their suggestions.")
final class LearnCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    IndexOption index;

    @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "Corpus to learn from and suggest for.")
    String corpus;

    @Option(names = "--learner", defaultValue = "all", description = "dictionary, tagger or all (default all).")
    String learner;

    @Option(names = "--documents", defaultValue = "done",
            description = "Curated material: done (documents marked done, the default) or all (imported gold corpora).")
    String documents;

    @Option(names = "--max-iterations", description = "The tagger's passes over the training sentences (default 10; fewer trains faster and less well).")
    Integer maxIterations;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<MentionLearner> learners;
        DocumentSelection selection;
        TaggerSettings settings = TaggerSettings.defaults();
        try {
            selection = DocumentSelection.parse(documents);
            if (maxIterations != null) {
                settings = settings.withMaxIterations(maxIterations);
            }
            learners = LearnerChoice.parse(learner, settings);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (CorpusStore store = db.open(); FollowingIndex following = FollowingIndex.open(store, index.folder(db), err)) {
            ModelShelf shelf = ModelShelf.beside(db.location().localFolder());
            int[] lastPercent = {-1};
            List<RetrainingResult> results = new Retraining(store, corpus, shelf, new LiveModels()).run(learners, selection,
                    new TrainingProgress() {
                        @Override
                        public void worked(int done, int total) {
                            int percent = (int) (100L * done / Math.max(1, total));
                            if (percent / 10 != lastPercent[0] / 10) {
                                err.printf("taiyi learn: %d%%%n", percent);
                                err.flush();
                            }
                            lastPercent[0] = percent;
                        }

                        @Override
                        public boolean isCancelled() {
                            return false;
                        }
                    });
            int suggestions = 0;
            for (RetrainingResult r : results) {
                out.printf(Locale.ROOT, "%s: round %d, trained on %d documents in %.1f s, %d suggestions in %d documents (%s)%n",
                        r.learnerId(), r.round(), r.trainingDocuments(), r.trainingSeconds(), r.suggestions(), r.suggestedDocuments(),
                        shelf.folder(corpus, r.learnerId()).resolve("round-" + r.round() + ".model"));
                suggestions += r.suggestions();
            }
            out.printf("taiyi learn: %d learner%s trained on corpus '%s', %d suggestions written%n", results.size(),
                    results.size() == 1 ? "" : "s", corpus, suggestions);
        }
        return 0;
    }
}
