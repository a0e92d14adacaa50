package taiyi.workbench.learning.learner.rounds;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.learning.CuratedCorpus;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.learning.DocumentSelection;
import taiyi.workbench.learning.learner.MentionLearner;
import taiyi.workbench.learning.learner.MentionModel;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.store.CorpusStore;

/**
 * One retraining of a corpus's learners, headless: for each learner, train on the curated layer,
 * save the model as the next round, make it the live model, and write its suggestions for the
 * corpus's documents. The Eclipse job and {@code taiyi learn} both run this.
 *
 * <p>Cancellation is honoured between training iterations and between documents. A learner cancelled
 * while training leaves nothing: no round saved, the live model unchanged. One cancelled while
 * writing suggestions keeps its saved round (the documents written so far hold its suggestions, and
 * running again completes the rest, since documents that have them are skipped).
 */
public final class Retraining {

    private final CorpusStore store;
    private final String corpus;
    private final ModelShelf shelf;
    private final LiveModels live;

    public Retraining(CorpusStore store, String corpus, ModelShelf shelf, LiveModels live) {
        this.store = store;
        this.corpus = corpus;
        this.shelf = shelf;
        this.live = live;
    }

    /**
     * Retrains the learners in turn.
     *
     * @param selection which documents are curated material
     * @param progress told of progress (units: per learner, 100 for training and 100 for suggesting)
     * @throws CancellationException when the progress reports cancellation
     * @throws IllegalArgumentException when the selection holds no document to learn from
     */
    public List<RetrainingResult> run(List<MentionLearner> learners, DocumentSelection selection, TrainingProgress progress) {
        List<CuratedDocument> curated = CuratedCorpus.read(store, corpus, selection);
        if (curated.isEmpty()) {
            throw new IllegalArgumentException("corpus " + corpus + " has no " + selection.name().toLowerCase(java.util.Locale.ROOT)
                    + " documents to learn from");
        }
        LabelSchema schema = store.documents().schema(corpus)
                .union(LabelSchema.inferredFrom(curated.stream().map(CuratedDocument::document).toList()));
        List<Document> targets = store.documents().allDocuments(corpus);
        int total = learners.size() * 200;
        List<RetrainingResult> results = new ArrayList<>();
        for (int i = 0; i < learners.size(); i++) {
            MentionLearner learner = learners.get(i);
            int base = i * 200;
            TrainingProgress training = new TrainingProgress() {
                @Override
                public void worked(int done, int steps) {
                    progress.worked(base + (int) (100L * done / Math.max(1, steps)), total);
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCancelled();
                }
            };
            long t0 = System.nanoTime();
            MentionModel model = learner.train(curated, schema, training);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (progress.isCancelled()) {
                throw new CancellationException(learner.id() + " retraining cancelled before its model was saved");
            }
            SavedModel saved = shelf.save(corpus, model, shelf.nextRound(corpus, learner.id()));
            live.publish(corpus, saved);
            int[] done = {0};
            int written = new SuggestionWriter(store, corpus).write(model, saved.round(), targets, () -> {
                done[0]++;
                progress.worked(base + 100 + 100 * done[0] / Math.max(1, targets.size()), total);
                if (progress.isCancelled()) {
                    throw new CancellationException(learner.id() + " round " + saved.round() + " cancelled after suggesting "
                            + done[0] + " of " + targets.size() + " documents");
                }
            });
            results.add(new RetrainingResult(learner.id(), saved.round(), curated.size(), seconds, targets.size(), written));
        }
        return results;
    }
}
