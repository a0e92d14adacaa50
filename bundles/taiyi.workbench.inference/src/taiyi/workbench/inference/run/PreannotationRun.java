package taiyi.workbench.inference.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.ModelDescription;
import taiyi.workbench.inference.TextGenerator;
import taiyi.workbench.inference.preannotate.DocumentPreannotation;
import taiyi.workbench.inference.preannotate.PreannotationListener;
import taiyi.workbench.inference.preannotate.Preannotator;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.SuggestionStore;

/** Pre-annotates documents of one corpus with one loaded model and writes the suggestion layer. */
public final class PreannotationRun {

    /** Hears each document as it is skipped or stored, and each window as the model finishes it. */
    public interface Progress extends PreannotationListener {

        /** A document's suggestions were committed (or it was skipped), {@code done} of {@code total}. */
        void documentDone(DocumentOutcome outcome, int done, int total);

        @Override
        default void onWindow(String documentId, int windowIndex, int windowCount) {
        }

        Progress NONE = (o, d, t) -> { };
    }

    private final CorpusStore store;
    private final String corpus;
    private final TextGenerator generator;
    private final GenerationOptions options;
    private final int round;
    private final Set<TaskKind> tasks;

    public PreannotationRun(CorpusStore store, String corpus, TextGenerator generator, GenerationOptions options, int round,
            Set<TaskKind> tasks) {
        this.store = Objects.requireNonNull(store, "store");
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.options = Objects.requireNonNull(options, "options");
        this.round = round;
        this.tasks = Set.copyOf(tasks);
    }

    /**
     * Pre-annotates the documents, in the order given.
     *
     * @param documentIds documents of the corpus; an unknown id fails before the model runs
     * @throws IllegalArgumentException when the corpus's schema has nothing for a task, or an id is unknown
     */
    public PreannotationSummary run(List<String> documentIds, Progress progress, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        LabelSchema schema = store.documents().schema(corpus);
        Preannotator preannotator = new Preannotator(generator, schema, options, round);
        ModelDescription model = generator.description();
        List<Document> todo = new ArrayList<>();
        List<DocumentOutcome> outcomes = new ArrayList<>();
        int total = documentIds.size();
        for (String id : documentIds) {
            // the model reads the text only: the body, not the curated layer (thousands of rows in a large document)
            Document doc = store.documents().documentBody(corpus, id)
                    .orElseThrow(() -> new IllegalArgumentException("no document " + id + " in corpus '" + corpus + "'"));
            if (store.suggestions().hasSuggestionsFrom(corpus, id, model.modelId(), model.adapterId(), round)) {
                DocumentOutcome skipped = DocumentOutcome.skipped(id);
                outcomes.add(skipped);
                progress.documentDone(skipped, outcomes.size(), total);
            } else {
                todo.add(doc);
            }
        }
        // a batch of documents at a time: the model fills its batches across them, and each
        // finished batch is stored before the next one starts
        int perCall = Math.max(1, options.batchSize());
        boolean cancelledRun = false;
        for (int from = 0; from < todo.size(); from += perCall) {
            if (cancelled.getAsBoolean()) {
                cancelledRun = true;
                break;
            }
            List<Document> chunk = todo.subList(from, Math.min(todo.size(), from + perCall));
            List<DocumentPreannotation> results = preannotator.annotate(chunk, tasks, progress, cancelled);
            for (DocumentPreannotation result : results) {
                SuggestionStore.SuggestionLayer existing = store.suggestions().suggestionLayer(corpus, result.documentId());
                DocumentPreannotation stored = SuggestionIds.clearOf(existing.mentions(), existing.relations(), result);
                store.suggestions().addSuggestions(corpus, stored.documentId(), stored.mentions(), stored.relations(), stored.labels());
                DocumentOutcome outcome = DocumentOutcome.annotated(stored);
                outcomes.add(outcome);
                progress.documentDone(outcome, outcomes.size(), total);
            }
            if (results.size() < chunk.size()) {
                cancelledRun = true;
                break;
            }
        }
        return new PreannotationSummary(outcomes, cancelledRun, (System.nanoTime() - started) / 1_000_000);
    }
}
