package taiyi.workbench.learning.learner.tagger;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.learning.learner.DocumentPrediction;
import taiyi.workbench.learning.learner.MentionModel;
import taiyi.workbench.learning.learner.PredictedMention;
import taiyi.workbench.learning.learner.dictionary.MentionDictionary;
import taiyi.workbench.learning.learner.text.TextUnits;

/**
 * A trained tagger: its layers' CRFs over one feature alphabet, and the dictionary of the curated
 * mentions it was trained on (a feature at prediction time).
 *
 * <p>A mention's confidence is the mean over its units of the marginal probability that the unit
 * lies inside a mention of its type; the runner-up is the best other reading of the same units
 * (another type of the layer, or {@code O}) by the same mean, so the two are comparable and sum to at
 * most 1.
 */
public final class TaggerModel implements MentionModel, Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    private final FeatureIndex features;
    private final List<LayerTagger> layers;
    private final MentionDictionary dictionary;
    /** Texts already prepared by the learner that trained it, when it shared them (a simulation); not saved. */
    private final transient PreparedTexts texts;

    TaggerModel(FeatureIndex features, List<LayerTagger> layers, MentionDictionary dictionary, PreparedTexts texts) {
        this.features = features;
        this.layers = List.copyOf(layers);
        this.dictionary = dictionary;
        this.texts = texts;
    }

    @Override
    public String learnerId() {
        return SequenceTaggerLearner.ID;
    }

    /** The types of each BIO layer. */
    public List<List<String>> layerTypes() {
        return layers.stream().map(LayerTagger::types).toList();
    }

    List<LayerTagger> layers() {
        return layers;
    }

    FeatureIndex features() {
        return features;
    }

    private PreparedText prepared(String text) {
        return texts != null ? texts.of(text) : PreparedText.of(text);
    }

    @Override
    public DocumentPrediction predict(Document document) {
        PreparedText text = prepared(document.text());
        TextUnits units = text.units();
        UnitSequence input = features.sequence(UnitFeatures.of(text, dictionary));
        List<PredictedMention> mentions = new ArrayList<>();
        double logProbability = 0;
        double smallestMargin = 1;
        double marginSum = 0;
        int rows = 0;
        for (LayerTagger layer : layers) {
            LayerLabelling l = layer.label(input);
            logProbability += l.bestLogProbability();
            for (double[] row : l.marginals()) {
                double margin = margin(row);
                smallestMargin = Math.min(smallestMargin, margin);
                marginSum += margin;
                rows++;
            }
            mentions.addAll(mentions(units, l));
        }
        mentions.sort(Comparator.comparingInt(PredictedMention::start).thenComparingInt(PredictedMention::end));
        return new DocumentPrediction(document.id(), mentions, units.size(), logProbability, smallestMargin,
                rows == 0 ? 1 : marginSum / rows);
    }

    /** The best minus the runner-up of one unit's marginals (1 for a layer of one label). */
    private static double margin(double[] row) {
        double best = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (double p : row) {
            if (p > best) {
                second = best;
                best = p;
            } else if (p > second) {
                second = p;
            }
        }
        return row.length > 1 ? best - second : 1;
    }

    /** The best labelling's mentions by Viterbi alone: no forward-backward, so no confidences to compute. */
    @Override
    public List<EntityMention> labelledMentions(Document document) {
        PreparedText text = prepared(document.text());
        TextUnits units = text.units();
        UnitSequence input = features.sequence(UnitFeatures.of(text, dictionary));
        List<EntityMention> spans = new ArrayList<>();
        for (LayerTagger layer : layers) {
            String[] best = layer.best(input);
            int i = 0;
            while (i < best.length) {
                if (best[i].equals(LayerTagger.OUTSIDE)) {
                    i++;
                    continue;
                }
                String type = best[i].substring(2);
                int j = mentionEnd(best, i, type);
                spans.add(EntityMention.of("m" + spans.size(), type, units.start(i), units.end(j - 1), List.of()));
                i = j;
            }
        }
        spans.sort(Comparator.comparingInt(EntityMention::start).thenComparingInt(EntityMention::end));
        return spans;
    }

    /** The unit after a mention of {@code type} that begins at {@code from}: its I- units run on. */
    private static int mentionEnd(String[] best, int from, String type) {
        int j = from + 1;
        while (j < best.length && best[j].equals("I-" + type)) {
            j++;
        }
        return j;
    }

    private static List<PredictedMention> mentions(TextUnits units, LayerLabelling l) {
        List<PredictedMention> out = new ArrayList<>();
        String[] best = l.best();
        int i = 0;
        while (i < best.length) {
            if (best[i].equals(LayerTagger.OUTSIDE)) {
                i++;
                continue;
            }
            // an I- without its B- (the CRF may start a text in I-) begins a mention all the same
            String type = best[i].substring(2);
            int j = mentionEnd(best, i, type);
            out.add(mention(units, l, i, j, type));
            i = j;
        }
        return out;
    }

    private static PredictedMention mention(TextUnits units, LayerLabelling l, int from, int to, String type) {
        List<String> labels = l.labels();
        // index 0 is O; types follow as B-, I- pairs
        int readings = (labels.size() - 1) / 2 + 1;
        double[] mean = new double[readings];
        for (int u = from; u < to; u++) {
            double[] row = l.marginals()[u];
            mean[0] += row[0];
            for (int r = 1; r < readings; r++) {
                mean[r] += row[2 * r - 1] + row[2 * r];
            }
        }
        int own = labels.indexOf("B-" + type) / 2 + 1;
        String runnerUp = PredictedMention.NO_MENTION;
        double runnerUpMean = -1;
        for (int r = 0; r < readings; r++) {
            mean[r] = Math.max(0, Math.min(1, mean[r] / (to - from)));
            if (r != own && mean[r] > runnerUpMean) {
                runnerUpMean = mean[r];
                runnerUp = r == 0 ? PredictedMention.NO_MENTION : labels.get(2 * r - 1).substring(2);
            }
        }
        return new PredictedMention(units.start(from), units.end(to - 1), type, mean[own], runnerUp, Math.max(0, runnerUpMean));
    }
}
