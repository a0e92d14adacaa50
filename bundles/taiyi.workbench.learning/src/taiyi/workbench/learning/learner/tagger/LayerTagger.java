package taiyi.workbench.learning.learner.tagger;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;
import java.util.function.BooleanSupplier;

import cc.mallet.fst.CRF;
import cc.mallet.fst.CRFTrainerByThreadedLabelLikelihood;
import cc.mallet.fst.MaxLatticeDefault;
import cc.mallet.fst.SumLatticeDefault;
import cc.mallet.types.Alphabet;
import cc.mallet.types.FeatureVectorSequence;
import cc.mallet.types.Instance;
import cc.mallet.types.InstanceList;
import cc.mallet.types.LabelAlphabet;
import cc.mallet.types.LabelSequence;
import cc.mallet.types.Sequence;
import cc.mallet.types.SparseVector;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.learning.learner.text.TextUnits;

/**
 * One BIO layer: a linear-chain CRF over the units of a text whose labels are {@code O} and
 * {@code B-}/{@code I-} of the layer's types. States are the labels, connected only as in the training
 * data (so {@code O} never goes straight to {@code I-X}); observation weights are shared by every
 * transition into a state, with a bias per transition (MALLET's "three-quarter" structure).
 */
final class LayerTagger implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String OUTSIDE = "O";

    private final List<String> types;
    private final CRF crf;
    /** For each CRF state index, the index of its label in {@link #labels}. */
    private final String[] stateLabels;

    private LayerTagger(List<String> types, CRF crf) {
        this.types = List.copyOf(types);
        this.crf = crf;
        this.stateLabels = new String[crf.numStates()];
        for (int s = 0; s < stateLabels.length; s++) {
            stateLabels[s] = crf.getState(s).getName();
        }
    }

    List<String> types() {
        return types;
    }

    /** The labels of a layer's types, outside first. */
    static List<String> labels(List<String> types) {
        List<String> out = new ArrayList<>();
        out.add(OUTSIDE);
        for (String t : types) {
            out.add("B-" + t);
            out.add("I-" + t);
        }
        return out;
    }

    /**
     * The gold labels of a document's units in this layer: longer mentions first, a mention that
     * overlaps one already placed is left out (a BIO layer holds no nesting).
     */
    static String[] goldLabels(Document d, TextUnits units, List<String> types) {
        String[] labels = new String[units.size()];
        java.util.Arrays.fill(labels, OUTSIDE);
        List<EntityMention> ms = new ArrayList<>(d.mentions().stream().filter(m -> types.contains(m.type())).toList());
        ms.sort(Comparator.comparingInt((EntityMention m) -> m.end() - m.start()).reversed()
                .thenComparingInt(EntityMention::start));
        for (EntityMention m : ms) {
            int first = units.unitAtOrAfter(m.start());
            int last = first;
            boolean free = first < units.size() && units.start(first) < m.end();
            while (free && last < units.size() && units.start(last) < m.end()) {
                free = labels[last].equals(OUTSIDE);
                last++;
            }
            if (!free) {
                continue;
            }
            for (int u = first; u < last; u++) {
                labels[u] = (u == first ? "B-" : "I-") + m.type();
            }
        }
        return labels;
    }

    /**
     * Trains a layer. {@code inputs} are the documents' feature sequences over the shared alphabet,
     * {@code gold} their labels in this layer.
     */
    static LayerTagger train(List<String> types, Alphabet features, List<FeatureVectorSequence> inputs,
            List<String[]> gold, TaggerSettings settings, LayerTagger previous, IntConsumer iterationDone,
            BooleanSupplier cancelled) {
        LabelAlphabet labelAlphabet = new LabelAlphabet();
        labels(types).forEach(l -> labelAlphabet.lookupIndex(l, true));
        InstanceList training = new InstanceList(features, labelAlphabet);
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).size() == 0) {
                continue;
            }
            String[] g = gold.get(i);
            int[] ids = new int[g.length];
            for (int k = 0; k < g.length; k++) {
                ids[k] = labelAlphabet.lookupIndex(g[k], false);
            }
            training.add(new Instance(inputs.get(i), new LabelSequence(labelAlphabet, ids), "doc" + i, null));
        }
        CRF crf = new CRF(features, labelAlphabet);
        crf.addStatesForThreeQuarterLabelsConnectedAsIn(training);
        // dense weights: every feature has a weight for every state, so a dot product indexes instead of
        // binary-searching a sparse vector (several times faster per iteration), and features never seen
        // with a label learn to count against it
        crf.setWeightsDimensionDensely();
        if (settings.warmStart() && previous != null) {
            copyWeights(previous.crf, crf);
        }
        CRFTrainerByThreadedLabelLikelihood trainer = new CRFTrainerByThreadedLabelLikelihood(crf, settings.threads());
        trainer.setGaussianPriorVariance(settings.gaussianPriorVariance());
        trainer.setAddNoFactors(true);
        try {
            for (int it = 0; it < settings.maxIterations(); it++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("tagger training cancelled after " + it + " iterations");
                }
                boolean converged = trainer.train(training, 1);
                iterationDone.accept(it + 1);
                if (converged) {
                    break;
                }
            }
        } finally {
            trainer.shutdown();
        }
        return new LayerTagger(types, crf);
    }

    /**
     * Starts a new CRF from an older one's weights wherever both have the same weight group and
     * feature: the older round's knowledge, refined by a few iterations on the new data.
     */
    private static void copyWeights(CRF from, CRF to) {
        CRF.Factors old = from.getParameters();
        CRF.Factors now = to.getParameters();
        Alphabet oldFeatures = from.getInputAlphabet();
        Alphabet newFeatures = to.getInputAlphabet();
        for (int w = 0; w < now.weights.length; w++) {
            int ow = old.weightAlphabet.lookupIndex(now.weightAlphabet.lookupObject(w), false);
            if (ow < 0) {
                continue;
            }
            now.defaultWeights[w] = old.defaultWeights[ow];
            SparseVector target = now.weights[w];
            SparseVector source = old.weights[ow];
            for (int loc = 0; loc < target.numLocations(); loc++) {
                int of = oldFeatures.lookupIndex(newFeatures.lookupObject(target.indexAtLocation(loc)), false);
                if (of >= 0) {
                    target.setValueAtLocation(loc, source.value(of));
                }
            }
        }
        to.weightsValueChanged();
    }

    /** What the layer says about one text: the best labels and every unit's marginal per label. */
    LayerLabelling label(FeatureVectorSequence input) {
        int n = input.size();
        List<String> labels = labels(types);
        double[][] marginals = new double[n][labels.size()];
        String[] best = new String[n];
        if (n == 0) {
            return new LayerLabelling(labels, best, marginals, 0);
        }
        Sequence<Object> bestOutput = new MaxLatticeDefault(crf, input).bestOutputSequence();
        SumLatticeDefault lattice = new SumLatticeDefault(crf, input);
        for (int i = 0; i < n; i++) {
            best[i] = bestOutput.get(i).toString();
            for (int s = 0; s < stateLabels.length; s++) {
                marginals[i][labels.indexOf(stateLabels[s])] += lattice.getGammaProbability(i + 1, crf.getState(s));
            }
        }
        double bestWeight = new SumLatticeDefault(crf, input, bestOutput).getTotalWeight();
        double logProbability = Math.min(0, bestWeight - lattice.getTotalWeight());
        return new LayerLabelling(labels, best, marginals, logProbability);
    }
}
