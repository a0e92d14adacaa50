package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.learning.CuratedCorpus;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.learning.DocumentSelection;
import taiyi.workbench.learning.learner.MentionLearner;
import taiyi.workbench.learning.simulation.Simulation;
import taiyi.workbench.learning.simulation.SimulationReport;
import taiyi.workbench.learning.simulation.SimulationResult;
import taiyi.workbench.learning.simulation.SimulationSettings;
import taiyi.workbench.learning.simulation.StrategySummary;
import taiyi.workbench.store.CorpusStore;

/**
 * {@code taiyi simulate}: active learning replayed on a corpus whose curated layer is the gold; writes
 * the curves (CSV, PNG) and the summary into a folder and ends with the one-line verdict.
 */
@Command(name = "simulate", description = {"Replay active learning on a curated corpus: hold out --eval-fraction, then reveal",
    "--batch documents at a time in each strategy's order, retrain the learner and score it on the held-out part,",
    "until the pool is exhausted. Writes curves.csv, summary.csv and curves.png into --out."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "Corpus whose curated layer is the gold.")
    String corpus;

    @Option(names = "--documents", defaultValue = "all", paramLabel = "done|all",
            description = "Which documents are gold (default all: an imported gold corpus is never marked done).")
    String documents;

    @Option(names = "--strategy", split = ",", defaultValue = "random,margin", paramLabel = "S,...",
            description = "Queue strategies to compare (random, the baseline, is always run). Default random,margin.")
    List<String> strategies;

    @Option(names = "--learner", defaultValue = SimulationLearners.DEFAULT, paramLabel = "ID",
            description = "The learner retrained at each step: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).",
            completionCandidates = SimulationLearners.class)
    String learner;

    @Option(names = "--seeds", defaultValue = "3", paramLabel = "N", description = "Seeds (split, order, cold start); default 3.")
    int seeds;

    @Option(names = "--batch", defaultValue = "10", paramLabel = "N", description = "Documents revealed per step; default 10.")
    int batch;

    @Option(names = "--eval-fraction", defaultValue = "0.2", paramLabel = "F", description = "Share held out for scoring; default 0.2.")
    double evalFraction;

    @Option(names = "--exploration", defaultValue = "0", paramLabel = "F",
            description = "Share of each batch picked at random after the first; default 0 (the strategy alone).")
    double exploration;

    @Option(names = "--passes", paramLabel = "N",
            description = "The tagger's passes over the revealed documents per step after the first, warm-started from the step before "
                    + "(default 2).")
    Integer passes;

    @Option(names = "--threads", paramLabel = "N",
            description = "Curves computed at once (default: one per core); the figures do not depend on it.")
    Integer threads;

    @Option(names = "--limit", paramLabel = "N", description = "Only the corpus's first N gold documents (a quick look).")
    Integer limit;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for curves.csv, summary.csv and curves.png.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SimulationSettings settings = new SimulationSettings(strategies, seeds, batch, evalFraction, exploration, 0.95,
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        SimulationLearners.Choice choice = passes != null ? SimulationLearners.named(learner, passes) : SimulationLearners.named(learner);
        MentionLearner mentionLearner = choice.first();
        List<Document> gold;
        LabelSchema schema;
        try (CorpusStore store = db.open()) {
            gold = CuratedCorpus.read(store, corpus, DocumentSelection.parse(documents)).stream().map(CuratedDocument::document).toList();
            schema = store.documents().schema(corpus);
        }
        if (limit != null) {
            gold = gold.subList(0, Math.min(limit, gold.size()));
        }
        schema = schema.union(LabelSchema.inferredFrom(gold));
        long started = System.nanoTime();
        Simulation simulation = new Simulation(mentionLearner, choice.retraining(), schema, settings);
        SimulationResult result = simulation.run(gold, (strategy, seed, point, steps) -> {
            if (point.step() == steps || point.step() % 10 == 0) {
                err.printf(Locale.ROOT, "taiyi simulate: %s seed %d step %d/%d: %d documents, %d tokens, F1 %.3f (%.0f s)%n", strategy,
                        seed, point.step(), steps, point.documents(), point.tokens(), point.f1(), (System.nanoTime() - started) / 1e9);
                err.flush();
            }
        });
        SimulationReport.write(result, out);
        w.println("Tokens and documents revealed when the held-out F1 reaches 95% of the full-data F1 for good (the first step"
                + " from which it stays at or above it), mean ± sd over the seeds; the first batch is random for every strategy, "
                + "then exploration " + exploration + ".");
        w.printf(Locale.ROOT, "%-18s %22s %18s %24s%n", "strategy", "tokens to 95%", "documents", "token saving vs random");
        for (StrategySummary s : result.summaries()) {
            w.printf(Locale.ROOT, "%-18s %13.0f ± %6.0f %9.1f ± %6.1f %14.1f%% ± %5.1f%%%n", s.strategy(), s.tokens().mean(), s.tokens().sd(),
                    s.documents().mean(), s.documents().sd(), 100 * s.saving().mean(), 100 * s.saving().sd());
        }
        w.printf(Locale.ROOT, "%d gold documents, learner %s, %d seeds, batch %d, %.0f s; curves in %s%n", gold.size(), mentionLearner.id(),
                seeds, batch, (System.nanoTime() - started) / 1e9, out.resolve(SimulationReport.CURVES_PNG));
        w.println(result.summaryLine());
        return 0;
    }
}
