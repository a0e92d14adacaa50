package taiyi.workbench.learning.learner.tagger;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.BooleanSupplier;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.learning.learner.text.TextUnits;

/**
 * One BIO layer: a linear-chain {@link ChainCrf} over the units of a text whose labels are {@code O}
 * and {@code B-}/{@code I-} of the layer's types.
 */
final class LayerTagger implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    static final String OUTSIDE = "O";

    private final List<String> types;
    private final ChainCrf crf;

    private LayerTagger(List<String> types, ChainCrf crf) {
        this.types = List.copyOf(types);
        this.crf = crf;
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
     * Trains a layer. {@code inputs} are the documents' units as ids of {@code features}, {@code gold}
     * their labels in this layer and {@code sentenceEnds} where their sentences end: training steps
     * sentence by sentence, cutting a document wherever a sentence ends outside a mention.
     */
    static LayerTagger train(List<String> types, FeatureIndex features, List<UnitSequence> inputs, List<String[]> gold,
            List<boolean[]> sentenceEnds, TaggerSettings settings, LayerTagger previous, FeatureIndex previousFeatures,
            IntConsumer passDone, BooleanSupplier cancelled) {
        List<String> labels = labels(types);
        List<UnitSequence> sentences = new ArrayList<>();
        List<int[]> sentenceGold = new ArrayList<>();
        for (int d = 0; d < inputs.size(); d++) {
            UnitSequence x = inputs.get(d);
            int[] y = new int[x.size()];
            for (int u = 0; u < y.length; u++) {
                y[u] = labels.indexOf(gold.get(d)[u]);
            }
            int from = 0;
            for (int u = 0; u < y.length; u++) {
                boolean last = u == y.length - 1;
                if (last || sentenceEnds.get(d)[u] && y[u] == 0 && !labels.get(y[u + 1]).startsWith("I-")) {
                    sentences.add(x.slice(from, u + 1));
                    sentenceGold.add(java.util.Arrays.copyOfRange(y, from, u + 1));
                    from = u + 1;
                }
            }
        }
        ChainCrf crf = new ChainCrf(labels, features.size());
        if (settings.warmStart() && previous != null && previous.crf.labels().equals(labels)) {
            copyWeights(previous.crf, previousFeatures, crf, features);
        }
        new CrfTraining(crf, sentences, sentenceGold, settings.gaussianPriorVariance()).run(settings.maxIterations(), passDone,
                cancelled);
        return new LayerTagger(types, crf);
    }

    /**
     * Starts a new CRF from an older one's weights for every feature both know: the older round's
     * knowledge, refined by a few passes over the new data.
     */
    private static void copyWeights(ChainCrf from, FeatureIndex fromFeatures, ChainCrf to, FeatureIndex toFeatures) {
        int l = to.labelCount();
        for (int f = 0; f < toFeatures.size(); f++) {
            int old = fromFeatures.id(toFeatures.name(f));
            if (old >= 0) {
                System.arraycopy(from.emission, old * l, to.emission, f * l, l);
            }
        }
        System.arraycopy(from.transition, 0, to.transition, 0, to.transition.length);
        System.arraycopy(from.start, 0, to.start, 0, to.start.length);
    }

    /** What the layer says about one text: the best labels and every unit's marginal per label. */
    LayerLabelling label(UnitSequence input) {
        return crf.label(input);
    }

    /** The best label of every unit (Viterbi alone). */
    String[] best(UnitSequence input) {
        return crf.bestLabels(input);
    }
}
