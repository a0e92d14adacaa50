package taiyi.workbench.learning.adapters;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.learning.evaluation.CorpusEvaluator;
import taiyi.workbench.learning.evaluation.Evaluation;
import taiyi.workbench.learning.evaluation.LearningCurve;
import taiyi.workbench.learning.evaluation.SuggestionSource;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.RegisteredAdapter;

/**
 * Scores a registered adapter: the suggestions pre-annotation made with it (provenance adapter = the
 * adapter folder's name, provenance round = its round) against the curated layer, exact span and
 * type as the paper scores. The mention micro-F1 is recorded in the registry, and the evaluation in
 * the learning record as {@code <model> + adapter} at the adapter's round, so the learning curve
 * has one point per adapter round.
 */
public final class AdapterEvaluation {

    private final CorpusStore store;

    public AdapterEvaluation(CorpusStore store) {
        this.store = store;
    }

    /**
     * Evaluates and records one adapter of a corpus.
     *
     * @param goldCorpus another corpus whose curated layer is the gold, or empty for the corpus's done documents
     * @return empty when the gold documents hold no suggestion made with the adapter (pre-annotate with it first)
     * @throws IllegalArgumentException when the gold is empty or the corpus lacks a gold document
     */
    public Optional<Evaluation> evaluate(RegisteredAdapter adapter, Optional<String> goldCorpus) {
        String adapterId = adapterId(adapter);
        Set<String> models = new TreeSet<>();
        Optional<Evaluation> scored = new CorpusEvaluator(store).evaluate(adapter.corpus(), goldCorpus,
                new SuggestionSource("adapter", adapter.round()), (Provenance p) -> {
                    boolean made = p.adapterId().equals(adapterId) && p.round() == adapter.round();
                    if (made) {
                        models.add(p.modelId());
                    }
                    return made;
                });
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        Evaluation e = scored.get();
        Evaluation named = new Evaluation(new SuggestionSource(String.join("+", models) + LearningCurve.ADAPTER_SOURCE_SUFFIX,
                adapter.round()), e.goldCorpus(), e.curatedDocuments(), e.curationMillis(), e.mentions(), e.relations());
        // as the databases keep it (microseconds), so a row reads back as it was stored
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        store.adapters().recordEvaluation(adapter.id(), named.mentions().micro().f1(), now);
        store.learningRecords().add(adapter.corpus(), named.toRecord(now));
        return Optional.of(named);
    }

    /** The adapter id pre-annotation records in the provenance: the folder's name. */
    static String adapterId(RegisteredAdapter adapter) {
        Path name = Path.of(adapter.folder()).getFileName();
        return name == null ? adapter.folder() : name.toString();
    }
}
