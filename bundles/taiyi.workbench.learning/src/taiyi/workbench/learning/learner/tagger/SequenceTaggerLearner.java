package taiyi.workbench.learning.learner.tagger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;

import cc.mallet.types.Alphabet;
import cc.mallet.types.FeatureVectorSequence;
import cc.mallet.util.MalletLogger;
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
 * {@link TaggerSettings#quick()} stop after few iterations.
 */
public final class SequenceTaggerLearner implements MentionLearner {

    /** The learner's id, stored as the source of its suggestions. */
    public static final String ID = "tagger";

    private static final int DICTIONARY_FOLDS = 4;

    /** MALLET reconfigures java.util.logging when its logger class loads and logs every iteration at INFO. */
    private static final Logger MALLET_LOG;

    static {
        MalletLogger.getLogger(SequenceTaggerLearner.class.getName());
        MALLET_LOG = Logger.getLogger("cc.mallet");
        MALLET_LOG.setLevel(Level.WARNING);
    }

    private final TaggerSettings settings;
    private volatile TaggerModel previous;

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
        TypeLayers layers = TypeLayers.of(docs, schema);
        int steps = Math.max(1, layers.layers().size() * settings.maxIterations() + 1);
        checkCancelled(progress, 0);

        int folds = Math.min(DICTIONARY_FOLDS, docs.size());
        List<MentionDictionary> foldDictionaries = new ArrayList<>();
        for (int k = 0; k < folds && folds > 1; k++) {
            int fold = k;
            List<Document> others = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (i % folds != fold) {
                    others.add(docs.get(i));
                }
            }
            foldDictionaries.add(MentionDictionary.of(others));
        }
        List<TextUnits> units = docs.stream().map(d -> TextUnits.of(d.text())).toList();
        List<List<String[]>> unitFeatures = java.util.stream.IntStream.range(0, docs.size()).parallel()
                .mapToObj(i -> UnitFeatures.of(docs.get(i).text(), units.get(i),
                        foldDictionaries.isEmpty() ? null : foldDictionaries.get(i % folds)))
                .toList();
        Alphabet features = new Alphabet();
        List<FeatureVectorSequence> inputs = new ArrayList<>(docs.size());
        for (List<String[]> f : unitFeatures) {
            inputs.add(TaggerModel.input(features, f, true));
        }
        features.stopGrowth();
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
            trained.add(LayerTagger.train(types, features, inputs, gold, settings, start,
                    it -> progress.worked(base + it, steps), progress::isCancelled));
        }
        progress.worked(steps, steps);
        TaggerModel model = new TaggerModel(features, trained, MentionDictionary.of(docs));
        if (settings.warmStart()) {
            previous = model;
        }
        return model;
    }

    private static void checkCancelled(TrainingProgress progress, int step) {
        if (progress.isCancelled()) {
            throw new CancellationException("tagger training cancelled at step " + step);
        }
    }
}
