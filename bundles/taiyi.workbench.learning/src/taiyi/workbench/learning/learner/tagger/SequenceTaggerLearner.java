package taiyi.workbench.learning.learner.tagger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.learning.learner.MentionLearner;
import taiyi.workbench.learning.learner.MentionModel;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.learning.learner.dictionary.MentionDictionary;
import taiyi.workbench.learning.learner.text.TextUnits;

/**
 * Trains the sequence tagger: one CRF per {@link TypeLayers layer} over the curated documents' units.
 *
 * <p>The dictionary feature is computed for each training document from a dictionary of the
 * <em>other</em> documents (four folds): from its own dictionary every curated mention would match
 * itself, and the CRF would learn to trust the dictionary far more than it deserves on new text.
 *
 * <p>With {@link TaggerSettings#warmStart()}, a learner starts each training from the weights of the
 * model it trained last (or the one given by {@link #startingFrom}), which is what lets
 * {@link TaggerSettings#quick()} stop after few passes.
 */
public final class SequenceTaggerLearner implements MentionLearner {

    /** The learner's id, stored as the source of its suggestions. */
    public static final String ID = "tagger";

    private static final int DICTIONARY_FOLDS = 4;

    /** Features seen fewer times than this in the training units are left out. */
    static final int MIN_FEATURE_COUNT = 2;

    private final TaggerSettings settings;
    private volatile TaggerModel previous;
    private volatile PreparedTexts shared;

    public SequenceTaggerLearner() {
        this(TaggerSettings.defaults());
    }

    public SequenceTaggerLearner(TaggerSettings settings) {
        this.settings = settings;
    }

    /** This learner, warm-starting (if its settings say so) from the given model, e.g. the last saved round's. */
    public SequenceTaggerLearner startingFrom(TaggerModel model) {
        previous = model;
        return this;
    }

    /**
     * This learner, keeping what it computes from each text in {@code texts} for later trainings and for
     * its models' predictions (a simulation's steps over the same documents). Without it each training
     * prepares its texts afresh and its models prepare each text they predict for.
     */
    public SequenceTaggerLearner sharing(PreparedTexts texts) {
        shared = texts;
        return this;
    }

    public TaggerSettings settings() {
        return settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public MentionModel train(List<CuratedDocument> curated, LabelSchema schema, TrainingProgress progress) {
        List<Document> docs = curated.stream().map(CuratedDocument::document).toList();
        PreparedTexts texts = shared != null ? shared : new PreparedTexts();
        List<PreparedText> prepared = eachOnThreads(docs.size(), i -> texts.of(docs.get(i).text()));
        TypeLayers layers = TypeLayers.of(docs, schema);
        int steps = Math.max(1, layers.layers().size() * settings.maxIterations() + 1);
        checkCancelled(progress, 0);

        int folds = Math.min(DICTIONARY_FOLDS, docs.size());
        List<MentionDictionary> foldDictionaries;
        MentionDictionary whole;
        if (folds > 1) {
            List<MentionDictionary> dictionaries = MentionDictionary.withFolds(docs, folds, text -> texts.of(text).folded());
            foldDictionaries = dictionaries.subList(0, folds);
            whole = dictionaries.get(folds);
        } else {
            foldDictionaries = List.of();
            whole = MentionDictionary.of(docs, text -> texts.of(text).folded());
        }
        List<TextUnits> units = prepared.stream().map(PreparedText::units).toList();
        List<List<String[]>> unitFeatures = eachOnThreads(docs.size(),
                i -> UnitFeatures.of(prepared.get(i), folds > 1 ? foldDictionaries.get(i % folds) : null));
        // a feature seen once cannot generalise, and dropping those halves the weights and the work
        // of every pass
        FeatureIndex features = FeatureIndex.of(unitFeatures, MIN_FEATURE_COUNT);
        List<UnitSequence> inputs = unitFeatures.stream().map(features::sequence).toList();
        List<boolean[]> sentenceEnds = units.stream().map(SequenceTaggerLearner::sentenceEnds).toList();
        progress.worked(1, steps);

        TaggerModel warm = settings.warmStart() ? previous : null;
        List<LayerTagger> trained = new ArrayList<>();
        for (int l = 0; l < layers.layers().size(); l++) {
            List<String> types = layers.layers().get(l);
            List<String[]> gold = new ArrayList<>(docs.size());
            for (int i = 0; i < docs.size(); i++) {
                gold.add(LayerTagger.goldLabels(docs.get(i), units.get(i), types));
            }
            LayerTagger start = warm == null ? null
                    : warm.layers().stream().filter(x -> x.types().equals(types)).findFirst().orElse(null);
            int base = 1 + l * settings.maxIterations();
            trained.add(LayerTagger.train(types, features, inputs, gold, sentenceEnds, settings, start,
                    warm == null ? null : warm.features(), pass -> progress.worked(base + pass, steps), progress::isCancelled));
        }
        progress.worked(steps, steps);
        TaggerModel model = new TaggerModel(features, trained, whole, shared);
        if (settings.warmStart()) {
            previous = model;
        }
        return model;
    }

    /** {@code work} of 0 to {@code n - 1}, in order, computed on the settings' threads. */
    private <T> List<T> eachOnThreads(int n, IntFunction<T> work) {
        if (settings.threads() == 1) {
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(work.apply(i));
            }
            return out;
        }
        ForkJoinPool pool = new ForkJoinPool(settings.threads());
        try {
            return pool.submit(() -> IntStream.range(0, n).parallel().mapToObj(work).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("tagger training interrupted while computing features");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Units after which a sentence ends: full stops, question and exclamation marks, Latin or Chinese. */
    private static boolean[] sentenceEnds(TextUnits units) {
        boolean[] ends = new boolean[units.size()];
        for (int u = 0; u < ends.length; u++) {
            String t = units.text(u);
            ends[u] = t.equals(".") || t.equals("?") || t.equals("!") || t.equals("\u3002") || t.equals("\uff1f")
                    || t.equals("\uff01");
        }
        return ends;
    }

    private static void checkCancelled(TrainingProgress progress, int step) {
        if (progress.isCancelled()) {
            throw new CancellationException("tagger training cancelled at step " + step);
        }
    }
}
