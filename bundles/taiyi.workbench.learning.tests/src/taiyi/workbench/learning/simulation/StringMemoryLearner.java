package taiyi.workbench.learning.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.learning.learner.DocumentPrediction;
import taiyi.workbench.learning.learner.MentionLearner;
import taiyi.workbench.learning.learner.MentionModel;
import taiyi.workbench.learning.learner.PredictedMention;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.learning.learner.text.TextUnits;

/**
 * The simulation test's own learner, so the test does not wait for the real ones: every curated
 * mention's text becomes a pattern of its most frequent type, found again longest first; its confidence
 * is how often the text was annotated among the times it occurred in the training texts.
 */
final class StringMemoryLearner implements MentionLearner {

    @Override
    public String id() {
        return "string-memory";
    }

    @Override
    public MentionModel train(List<CuratedDocument> curated, LabelSchema schema, TrainingProgress progress) {
        Map<String, Map<String, Integer>> types = new HashMap<>();
        for (CuratedDocument c : curated) {
            for (EntityMention m : c.document().mentions()) {
                types.computeIfAbsent(m.coveredText(c.document().text()), t -> new HashMap<>()).merge(m.type(), 1, Integer::sum);
            }
        }
        Map<String, String> typeOf = new HashMap<>();
        Map<String, Double> confidence = new HashMap<>();
        for (Map.Entry<String, Map<String, Integer>> e : types.entrySet()) {
            Map.Entry<String, Integer> best = e.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            int seen = 0;
            for (CuratedDocument c : curated) {
                for (int i = c.document().text().indexOf(e.getKey()); i >= 0; i = c.document().text().indexOf(e.getKey(), i + 1)) {
                    seen++;
                }
            }
            typeOf.put(e.getKey(), best.getKey());
            confidence.put(e.getKey(), Math.min(1.0, best.getValue() / (double) Math.max(1, seen)));
        }
        List<String> patterns = new ArrayList<>(typeOf.keySet());
        patterns.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return new MentionModel() {
            @Override
            public String learnerId() {
                return id();
            }

            @Override
            public DocumentPrediction predict(Document document) {
                String text = document.text();
                boolean[] taken = new boolean[text.length()];
                List<PredictedMention> out = new ArrayList<>();
                double logP = 0;
                double smallest = 1;
                for (String p : patterns) {
                    for (int i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
                        int end = i + p.length();
                        boolean free = true;
                        for (int k = i; k < end && free; k++) {
                            free = !taken[k];
                        }
                        if (!free) {
                            continue;
                        }
                        for (int k = i; k < end; k++) {
                            taken[k] = true;
                        }
                        double conf = confidence.get(p);
                        PredictedMention m = new PredictedMention(i, end, typeOf.get(p), conf, PredictedMention.NO_MENTION, 1 - conf);
                        out.add(m);
                        logP += Math.log(Math.max(conf, 1 - conf));
                        smallest = Math.min(smallest, Math.abs(m.margin()));
                    }
                }
                out.sort(Comparator.comparingInt(PredictedMention::start));
                return new DocumentPrediction(document.id(), out, TextUnits.of(text).size(), logP, smallest);
            }
        };
    }
}
