package taiyi.workbench.learning.learner.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import taiyi.workbench.core.curation.AnnotationSet;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.learning.evaluation.ExactMatchScorer;
import taiyi.workbench.learning.learner.DocumentPrediction;
import taiyi.workbench.learning.learner.PredictedMention;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.testing.TestCorpora;

/** The CRF tagger trained on a few real BC5CDR training abstracts and CMeEE sentences. */
class SequenceTaggerTest {

    /**
     * Under what 100 training abstracts give on 100 development abstracts (0.676 when written, the
     * dictionary learner trained on all 500 gives 0.717), far above what an untrained tagger gives (0).
     */
    private static final double F1_FLOOR_100_ABSTRACTS = 0.6;

    private static List<Document> training;
    private static TaggerModel model;

    @BeforeAll
    static void train() throws Exception {
        training = new PubTatorReader().read(TestCorpora.file("bc5cdr/CDR_TrainingSet.PubTator.txt")).subList(0, 30);
        model = (TaggerModel) new SequenceTaggerLearner(new TaggerSettings(40, 2, 10, false)).train(curated(training),
                LabelSchema.inferredFrom(training), TrainingProgress.NONE);
    }

    private static List<CuratedDocument> curated(List<Document> docs) {
        return docs.stream().map(d -> new CuratedDocument("c", d, CurationState.DONE)).toList();
    }

    @Test
    void learnsChemicalsAndDiseasesInOneLayer() {
        assertEquals(List.of(Set.of("Chemical", "Disease")), model.layerTypes().stream().map(Set::copyOf).toList());
        // on what it was trained on, most curated mentions come back exactly
        int gold = 0;
        int found = 0;
        for (Document d : training.subList(0, 10)) {
            Set<String> predicted = new HashSet<>();
            model.predict(d).mentions().forEach(m -> predicted.add(m.start() + "-" + m.end() + m.type()));
            for (var m : d.mentions()) {
                gold++;
                if (predicted.contains(m.start() + "-" + m.end() + m.type())) {
                    found++;
                }
            }
        }
        assertTrue(found > 0.8 * gold, found + " of " + gold);
    }

    @Test
    void viterbiAloneLabelsTheMentionsPredictGivesAndTheMeanMarginLiesBetweenTheSmallestAndOne() throws Exception {
        int mentions = 0;
        for (Document d : TestCorpora.bc5cdrDevel().subList(0, 20)) {
            DocumentPrediction p = model.predict(d);
            List<String> spans = p.mentions().stream().map(m -> m.start() + "-" + m.end() + m.type()).toList();
            assertEquals(spans, model.labelledMentions(d).stream().map(m -> m.start() + "-" + m.end() + m.type()).toList());
            mentions += spans.size();
            assertTrue(p.hasUnitMarginals());
            assertTrue(p.meanTokenMargin() >= p.smallestTokenMargin() && p.meanTokenMargin() <= 1, d.id() + ": " + p);
        }
        assertTrue(mentions > 50, mentions + " mentions compared");
    }

    @Test
    void givesEveryMentionAProbabilityAndARunnerUp() throws Exception {
        Document unseen = TestCorpora.bc5cdrDevel().get(0);
        DocumentPrediction p = model.predict(unseen);
        assertEquals(unseen.id(), p.documentId());
        assertFalse(p.mentions().isEmpty());
        assertTrue(p.tokens() > 100, "an abstract has more than 100 words and marks");
        assertTrue(p.bestSequenceLogProbability() <= 0);
        assertTrue(p.smallestTokenMargin() >= 0 && p.smallestTokenMargin() <= 1);
        for (PredictedMention m : p.mentions()) {
            assertTrue(m.confidence() > 0 && m.confidence() <= 1, m.toString());
            assertTrue(m.runnerUpConfidence() >= 0 && m.confidence() + m.runnerUpConfidence() <= 1 + 1e-6, m.toString());
            assertTrue(Set.of("O", "Chemical", "Disease").contains(m.runnerUp()) && !m.runnerUp().equals(m.type()), m.toString());
        }
    }

    @Test
    void putsNestedChineseTypesInSeparateLayers() throws Exception {
        List<Document> sentences = TestCorpora.cmeee().subList(0, 120);
        TaggerModel zh = (TaggerModel) new SequenceTaggerLearner(new TaggerSettings(25, 2, 10, false)).train(curated(sentences),
                LabelSchema.inferredFrom(sentences), TrainingProgress.NONE);
        assertTrue(zh.layerTypes().size() >= 2, zh.layerTypes().toString());
        Document s = sentences.get(0);
        DocumentPrediction p = zh.predict(s);
        long han = s.text().codePoints().filter(Character::isIdeographic).count();
        assertTrue(p.tokens() >= han && han > 0, "one unit per Chinese character");
        assertFalse(p.mentions().isEmpty());
    }

    @Test
    void stopsWhenCancelled() {
        AtomicInteger steps = new AtomicInteger();
        TrainingProgress cancelAfterThree = new TrainingProgress() {
            @Override
            public void worked(int done, int total) {
                steps.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return steps.get() >= 3;
            }
        };
        List<Document> few = training.subList(0, 5);
        assertThrows(CancellationException.class, () -> new SequenceTaggerLearner(new TaggerSettings(100, 1, 10, false))
                .train(curated(few), LabelSchema.inferredFrom(few), cancelAfterThree));
        assertEquals(3, steps.get());
    }

    @Test
    void warmStartReachesTheColdModelsQualityInFewerIterations() {
        // round 2 on a few more documents, warm-started from round 1 with only 5 passes
        SequenceTaggerLearner warm = new SequenceTaggerLearner(new TaggerSettings(5, 2, 10, true)).startingFrom(model);
        TaggerModel round2 = (TaggerModel) warm.train(curated(training), LabelSchema.inferredFrom(training), TrainingProgress.NONE);
        TaggerModel cold = (TaggerModel) new SequenceTaggerLearner(new TaggerSettings(5, 2, 10, false)).train(curated(training),
                LabelSchema.inferredFrom(training), TrainingProgress.NONE);
        assertTrue(recall(round2) > recall(cold), recall(round2) + " vs " + recall(cold));
    }

    @Test
    void scoresAboveAFloorOnUnseenDevelopmentAbstracts() throws Exception {
        // 100 training abstracts, scored by the evaluation's own scorer on 100 development abstracts
        List<Document> train = new PubTatorReader().read(TestCorpora.file("bc5cdr/CDR_TrainingSet.PubTator.txt")).subList(0, 100);
        List<Document> dev = TestCorpora.bc5cdrDevel().subList(0, 100);
        TaggerModel m = (TaggerModel) new SequenceTaggerLearner(TaggerSettings.defaults()).train(curated(train),
                LabelSchema.inferredFrom(train), TrainingProgress.NONE);
        ExactMatchScorer scorer = new ExactMatchScorer();
        for (Document d : dev) {
            List<EntityMention> predicted = new ArrayList<>();
            for (PredictedMention p : m.predict(d).mentions()) {
                predicted.add(EntityMention.of("P" + predicted.size(), p.type(), p.start(), p.end(), List.of()));
            }
            scorer.add(new AnnotationSet(d.mentions(), List.of()), new AnnotationSet(predicted, List.of()));
        }
        double f1 = scorer.mentions().micro().f1();
        assertTrue(f1 >= F1_FLOOR_100_ABSTRACTS, "strict micro-F1 " + f1);
    }

    @Test
    void sameDataSameModel() {
        List<Document> few = training.subList(0, 12);
        TaggerSettings s = new TaggerSettings(6, 2, 10, false);
        TaggerModel a = (TaggerModel) new SequenceTaggerLearner(s).train(curated(few), LabelSchema.inferredFrom(few), TrainingProgress.NONE);
        TaggerModel b = (TaggerModel) new SequenceTaggerLearner(s).train(curated(few), LabelSchema.inferredFrom(few), TrainingProgress.NONE);
        for (Document d : training.subList(20, 25)) {
            assertEquals(a.predict(d), b.predict(d));
        }
    }

    private static double recall(TaggerModel m) {
        int gold = 0;
        int found = 0;
        for (Document d : training.subList(0, 10)) {
            Set<String> predicted = new HashSet<>();
            m.predict(d).mentions().forEach(x -> predicted.add(x.start() + "-" + x.end() + x.type()));
            for (var g : d.mentions()) {
                gold++;
                found += predicted.contains(g.start() + "-" + g.end() + g.type()) ? 1 : 0;
            }
        }
        return (double) found / gold;
    }
}
