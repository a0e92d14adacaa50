package taiyi.workbench.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.core.curation.AnnotationSet;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.cblue.CmeeeReader;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.learning.evaluation.ExactMatchScorer;
import taiyi.workbench.learning.evaluation.ScoreTable;
import taiyi.workbench.learning.evaluation.Tally;
import taiyi.workbench.learning.learner.DocumentPrediction;
import taiyi.workbench.learning.learner.MentionLearner;
import taiyi.workbench.learning.learner.MentionModel;
import taiyi.workbench.learning.learner.PredictedMention;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.learning.learner.dictionary.DictionaryLearner;
import taiyi.workbench.learning.learner.tagger.SequenceTaggerLearner;
import taiyi.workbench.learning.learner.tagger.TaggerSettings;

/**
 * {@code taiyi bench learner}: the in-process learners trained on real corpora and scored by strict
 * exact span + type match ({@link ExactMatchScorer}, the evaluation's scorer): BC5CDR training to
 * development, NCBI-disease training to test (its four types pooled as Disease, as the corpus is
 * usually scored), and the CMeEE subset by 5-fold cross-validation; with the training seconds and
 * the targets as ratios (1 or more meets a target).
 */
@Command(name = "learner", description = "Train the in-process learners on BC5CDR, NCBI-disease and CMeEE; strict P/R/F1 and training time against the targets.")
final class LearnerBenchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "The real corpora folder: bc5cdr/, ncbi-disease/pubtator/ and cmeee/ as in the workbench's shared data.")
    Path data;

    @Option(names = "--learner", defaultValue = "all", description = "dictionary, tagger or all (default all).")
    String learner;

    @Option(names = "--corpora", defaultValue = "bc5cdr,ncbi,cmeee", split = ",",
            description = "Which corpora to run: bc5cdr, ncbi, cmeee (default all three).")
    List<String> corpora;

    @Option(names = "--max-iterations", description = "The tagger's passes over the training sentences (default: TaggerSettings.defaults()).")
    Integer maxIterations;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds on CMeEE (default 5).")
    int folds;

    private PrintWriter out;

    @Override
    public Integer call() throws FormatException {
        out = spec.commandLine().getOut();
        out.printf("machine: %d cores, Java %s; tagger %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), taggerSettings());
        List<String> targets = new ArrayList<>();
        if (corpora.contains("bc5cdr")) {
            List<Document> train = new PubTatorReader().read(file("bc5cdr/CDR_TrainingSet.PubTator.txt"));
            List<Document> dev = new PubTatorReader().read(file("bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
            for (MentionLearner l : learners()) {
                Run r = run("BC5CDR train->devel", l, train, dev);
                if (l.id().equals(SequenceTaggerLearner.ID)) {
                    targets.add(target("BC5CDR devel strict micro-F1 (Chemical+Disease)", r.scores.micro().f1(), 0.80, true));
                    targets.add(target("retraining on " + train.size() + " abstracts, seconds", r.seconds, 60, false));
                    quick(train, dev);
                }
            }
        }
        if (corpora.contains("ncbi")) {
            List<Document> train = pooled(new PubTatorReader().read(file("ncbi-disease/pubtator/NCBItrainset_corpus.txt")));
            List<Document> test = pooled(new PubTatorReader().read(file("ncbi-disease/pubtator/NCBItestset_corpus.txt")));
            for (MentionLearner l : learners()) {
                Run r = run("NCBI-disease train->test", l, train, test);
                if (l.id().equals(SequenceTaggerLearner.ID)) {
                    targets.add(target("NCBI-disease test strict F1", r.scores.micro().f1(), 0.75, true));
                }
            }
        }
        if (corpora.contains("cmeee")) {
            List<Document> all = new CmeeeReader().read(file("cmeee/CMeEE_dev_subset.json"));
            for (MentionLearner l : learners()) {
                ScoreTable sum = ScoreTable.empty();
                double seconds = 0;
                for (int k = 0; k < folds; k++) {
                    List<Document> train = new ArrayList<>();
                    List<Document> test = new ArrayList<>();
                    for (int i = 0; i < all.size(); i++) {
                        (i % folds == k ? test : train).add(all.get(i));
                    }
                    Run r = evaluate(l, train, test);
                    sum = sum.plus(r.scores);
                    seconds += r.seconds;
                }
                print("CMeEE subset " + folds + "-fold", l, all.size(), sum, seconds);
                if (l.id().equals(SequenceTaggerLearner.ID)) {
                    targets.add(String.format(Locale.ROOT, "CMeEE subset %d-fold strict micro-F1: %.3f (reported, no target)", folds,
                            sum.micro().f1()));
                }
            }
        }
        out.println("targets:");
        targets.forEach(t -> out.println("  " + t));
        out.printf(Locale.ROOT, "taiyi bench learner: %d corpora, %s%n", corpora.size(), targets.isEmpty() ? "no tagger run" : targets.get(0));
        out.flush();
        return 0;
    }

    /**
     * The knob for many retrainings ({@code taiyi simulate}): TaggerSettings.quick() from nothing on 100
     * abstracts, then warm-started from that model on all of them, as one round of the loop follows another.
     */
    private void quick(List<Document> train, List<Document> dev) {
        SequenceTaggerLearner quick = new SequenceTaggerLearner(TaggerSettings.quick());
        Run first = evaluate(quick, train.subList(0, Math.min(100, train.size())), dev);
        print("BC5CDR quick, cold, 100 abstracts->devel", quick, Math.min(100, train.size()), first.scores, first.seconds);
        Run next = evaluate(quick, train, dev);
        print("BC5CDR quick, warm-started from the 100, " + train.size() + " abstracts->devel", quick, train.size(), next.scores,
                next.seconds);
    }

    private record Run(ScoreTable scores, double seconds) {
    }

    private Run run(String name, MentionLearner l, List<Document> train, List<Document> test) {
        Run r = evaluate(l, train, test);
        print(name, l, train.size(), r.scores, r.seconds);
        return r;
    }

    private Run evaluate(MentionLearner l, List<Document> train, List<Document> test) {
        List<CuratedDocument> curated = train.stream().map(d -> new CuratedDocument("bench", d, CurationState.DONE)).toList();
        long t0 = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        MentionModel model = l.train(curated, LabelSchema.inferredFrom(train), new TrainingProgress() {
            @Override
            public void worked(int done, int total) {
                if (done % 25 == 0 && done > 0) {
                    err.printf(Locale.ROOT, "  %s: step %d of at most %d, %.1f s%n", l.id(), done, total, (System.nanoTime() - t0) / 1e9);
                    err.flush();
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<DocumentPrediction> predictions = test.parallelStream().map(model::predict).toList();
        ExactMatchScorer scorer = new ExactMatchScorer();
        for (int i = 0; i < test.size(); i++) {
            scorer.add(new AnnotationSet(test.get(i).mentions(), List.of()), new AnnotationSet(mentions(predictions.get(i)), List.of()));
        }
        return new Run(scorer.mentions(), seconds);
    }

    private static List<EntityMention> mentions(DocumentPrediction p) {
        List<EntityMention> out = new ArrayList<>();
        int n = 0;
        for (PredictedMention m : p.mentions()) {
            out.add(EntityMention.of("P" + n++, m.type(), m.start(), m.end(), List.of()));
        }
        return out;
    }

    private void print(String name, MentionLearner l, int documents, ScoreTable scores, double seconds) {
        out.printf(Locale.ROOT, "%s, %s: %d training documents, trained in %.1f s%n", name, l.id(), documents, seconds);
        for (Map.Entry<String, Tally> e : scores.byType().entrySet()) {
            row(e.getKey(), e.getValue());
        }
        row("micro", scores.micro());
        out.flush();
    }

    private void row(String type, Tally t) {
        out.printf(Locale.ROOT, "  %-18s P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)%n", type, t.precision(), t.recall(), t.f1(),
                t.truePositives(), t.falsePositives(), t.falseNegatives());
    }

    private static String target(String what, double value, double target, boolean atLeast) {
        double ratio = atLeast ? value / target : target / Math.max(value, 1e-9);
        return String.format(Locale.ROOT, "%s: %.3f, target %s %.2f, ratio %.2f (%s)", what, value, atLeast ? ">=" : "<", target, ratio,
                ratio >= 1 ? "met" : "missed");
    }

    /** NCBI-disease's SpecificDisease, DiseaseClass, Modifier and CompositeMention as one Disease type. */
    private static List<Document> pooled(List<Document> docs) {
        return docs.stream().map(d -> new Document(d.id(), d.language(), d.text(), d.passages(), d.metadata(), d.labels(),
                d.mentions().stream().map(m -> new EntityMention(m.id(), "Disease", m.spans(), m.normalizations(), m.attributes())).toList(),
                List.of())).toList();
    }

    private List<MentionLearner> learners() {
        List<Supplier<MentionLearner>> all = List.of(DictionaryLearner::new, () -> new SequenceTaggerLearner(taggerSettings()));
        List<MentionLearner> out = new ArrayList<>();
        for (Supplier<MentionLearner> s : all) {
            MentionLearner l = s.get();
            if (learner.equals("all") || learner.equals(l.id())) {
                out.add(l);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--learner must be dictionary, tagger or all, not '" + learner + "'");
        }
        return out;
    }

    private TaggerSettings taggerSettings() {
        TaggerSettings s = TaggerSettings.defaults();
        return maxIterations == null ? s : s.withMaxIterations(maxIterations);
    }

    private Path file(String relative) {
        Path f = data.resolve(relative);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException(f + ": no such corpus file (is --data the shared data folder?)");
        }
        return f;
    }
}
