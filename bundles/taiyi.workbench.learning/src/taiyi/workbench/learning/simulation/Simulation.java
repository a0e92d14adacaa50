package taiyi.workbench.learning.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import taiyi.workbench.core.curation.AnnotationSet;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.learning.evaluation.ExactMatchScorer;
import taiyi.workbench.learning.learner.MentionLearner;
import taiyi.workbench.learning.learner.MentionModel;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.learning.learner.text.TextUnits;
import taiyi.workbench.learning.queue.CurationQueue;
import taiyi.workbench.learning.queue.DecisionCost;
import taiyi.workbench.learning.queue.Exploration;
import taiyi.workbench.learning.queue.QueueCandidate;
import taiyi.workbench.learning.queue.QueuePool;
import taiyi.workbench.learning.queue.QueueStrategies;
import taiyi.workbench.learning.queue.RankedDocument;
import taiyi.workbench.learning.queue.RandomStrategy;

/**
 * Active learning replayed on a gold corpus. Per seed: hold out the evaluation fraction, then start
 * from nothing and repeat until the pool is exhausted: the strategy picks a batch (the first batch is
 * random and the same for every strategy, since nothing has been learned yet), its gold is revealed,
 * the learner retrains on everything revealed and is scored on the held-out documents. The full-data
 * F1 is the learner trained on the whole pool at once.
 */
public final class Simulation {

    /** Hears each step as it finishes (a CLI's progress line). */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (strategy, seed, point, steps) -> {
        };

        void stepDone(String strategy, int seed, CurvePoint point, int steps);
    }

    /**
     * The learner that trains at a step, given the model of the step before: a learner that can start
     * from its previous weights (the sequence tagger's warm start) refines instead of starting over. It
     * must carry nothing from one curve to another (a fresh learner for a null previous model), or a
     * strategy's first steps would start from weights that saw documents it has not revealed.
     */
    @FunctionalInterface
    public interface Retraining {
        /** @param previous the model of the previous step of the same curve, or null for a first step and the full-data model */
        MentionLearner learnerAfter(MentionModel previous);
    }

    private static final String CORPUS = "simulation";

    private final MentionLearner learner;
    private final Retraining retraining;
    private final LabelSchema schema;
    private final SimulationSettings settings;

    /** A simulation that trains the same learner from scratch at every step. */
    public Simulation(MentionLearner learner, LabelSchema schema, SimulationSettings settings) {
        this(learner, previous -> learner, schema, settings);
    }

    /**
     * @param learner the learner, its id naming the predictions the strategies rank
     * @param retraining the learner for each step, given the previous step's model
     */
    public Simulation(MentionLearner learner, Retraining retraining, LabelSchema schema, SimulationSettings settings) {
        this.learner = learner;
        this.retraining = retraining;
        this.schema = schema;
        this.settings = settings;
    }

    /**
     * Runs every strategy on every seed.
     *
     * @param gold the documents whose annotations are revealed as curation
     * @throws IllegalArgumentException when a strategy is unknown or the corpus is too small to split
     */
    public SimulationResult run(List<Document> gold, Listener listener) {
        settings.strategies().forEach(s -> QueueStrategies.named(s, 0));
        int held = (int) Math.round(gold.size() * settings.evalFraction());
        if (held < 1 || held >= gold.size()) {
            throw new IllegalArgumentException("cannot hold out " + settings.evalFraction() + " of " + gold.size()
                    + " documents and keep both parts non-empty");
        }
        Listener heard = synchronizedListener(listener);
        // every curve (and each seed's full-data model) depends on its seed alone, so they run side by
        // side and are collected in a fixed order: the same figures whatever the number of threads
        ExecutorService threads = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<Double>> full = new ArrayList<>();
            Map<String, List<Future<List<CurvePoint>>>> running = new LinkedHashMap<>();
            settings.strategies().forEach(s -> running.put(s, new ArrayList<>()));
            for (int seed = 0; seed < settings.seeds(); seed++) {
                List<Document> shuffled = new ArrayList<>(gold);
                Collections.shuffle(shuffled, new Random(seed));
                List<Document> evaluation = List.copyOf(shuffled.subList(0, held));
                List<Document> pool = List.copyOf(shuffled.subList(held, shuffled.size()));
                int s = seed;
                full.add(threads.submit(() -> f1(train(retraining.learnerAfter(null), pool), evaluation)));
                for (String strategy : settings.strategies()) {
                    running.get(strategy).add(threads.submit(() -> curve(strategy, s, pool, evaluation, heard)));
                }
            }
            double[] fullF1 = new double[settings.seeds()];
            for (int seed = 0; seed < fullF1.length; seed++) {
                fullF1[seed] = result(full.get(seed));
            }
            Map<String, List<List<CurvePoint>>> curves = new LinkedHashMap<>();
            for (Map.Entry<String, List<Future<List<CurvePoint>>>> e : running.entrySet()) {
                List<List<CurvePoint>> perSeed = new ArrayList<>();
                for (Future<List<CurvePoint>> f : e.getValue()) {
                    perSeed.add(result(f));
                }
                curves.put(e.getKey(), perSeed);
            }
            return new SimulationResult(settings, fullF1, curves);
        } finally {
            threads.shutdownNow();
        }
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("simulation interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Listener synchronizedListener(Listener listener) {
        return (strategy, seed, point, steps) -> {
            synchronized (listener) {
                listener.stepDone(strategy, seed, point, steps);
            }
        };
    }

    private List<CurvePoint> curve(String strategy, int seed, List<Document> pool, List<Document> evaluation, Listener listener) {
        List<Document> remaining = new ArrayList<>(pool);
        List<Document> revealed = new ArrayList<>();
        List<CurvePoint> points = new ArrayList<>();
        int steps = (pool.size() + settings.batch() - 1) / settings.batch();
        long tokens = 0;
        MentionModel model = null;
        while (!remaining.isEmpty()) {
            List<Document> batch = pick(strategy, seed, points.size(), remaining, revealed, model);
            Set<String> picked = new HashSet<>();
            for (Document d : batch) {
                picked.add(d.id());
                tokens += TextUnits.of(d.text()).size();
            }
            remaining.removeIf(d -> picked.contains(d.id()));
            revealed.addAll(batch);
            model = train(retraining.learnerAfter(model), revealed);
            CurvePoint point = new CurvePoint(points.size() + 1, revealed.size(), tokens, f1(model, evaluation));
            points.add(point);
            listener.stepDone(strategy, seed, point, steps);
        }
        return points;
    }

    private List<Document> pick(String strategy, int seed, int step, List<Document> remaining, List<Document> revealed, MentionModel model) {
        boolean coldStart = model == null;
        List<QueueCandidate> candidates = new ArrayList<>();
        for (Document d : remaining) {
            // random needs no predictions; they are the costly part of a step
            candidates.add(coldStart || strategy.equals(RandomStrategy.ID) ? QueueCandidate.of(d, List.of())
                    : QueueCandidate.of(d, learner.id(), model.predict(unannotated(d))));
        }
        QueuePool pool = new QueuePool(candidates, revealed, DecisionCost.DEFAULT);
        CurationQueue queue = coldStart ? new CurationQueue(new RandomStrategy(seed), Exploration.NONE, seed)
                : new CurationQueue(QueueStrategies.named(strategy, seed * 1_000L + step), new Exploration(settings.exploration(), 0),
                        seed * 1_000L + step);
        Map<String, Document> byId = new LinkedHashMap<>();
        remaining.forEach(d -> byId.put(d.id(), d));
        List<Document> out = new ArrayList<>();
        for (RankedDocument r : queue.next(pool, settings.batch())) {
            out.add(byId.get(r.documentId()));
        }
        return out;
    }

    private MentionModel train(MentionLearner trainer, List<Document> documents) {
        List<CuratedDocument> curated = documents.stream().map(d -> new CuratedDocument(CORPUS, d, CurationState.DONE)).toList();
        return trainer.train(curated, schema, TrainingProgress.NONE);
    }

    private static double f1(MentionModel model, List<Document> evaluation) {
        ExactMatchScorer scorer = new ExactMatchScorer();
        for (Document d : evaluation) {
            List<EntityMention> predicted = model.labelledMentions(unannotated(d));
            scorer.add(new AnnotationSet(d.mentions(), List.of()), new AnnotationSet(predicted, List.of()));
        }
        return scorer.mentions().micro().f1();
    }

    /** The document as a model sees it before curation: its text, no annotations. */
    static Document unannotated(Document d) {
        return new Document(d.id(), d.language(), d.text(), d.passages(), d.metadata(), List.of(), List.of());
    }
}
