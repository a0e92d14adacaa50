package taiyi.workbench.learning.learner.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.learning.learner.DocumentPrediction;
import taiyi.workbench.learning.learner.PredictedMention;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.testing.TestCorpora;

/** The dictionary annotator on real BC5CDR abstracts and CMeEE sentences. */
class MentionDictionaryTest {

    private static List<CuratedDocument> curated(List<Document> docs) {
        return docs.stream().map(d -> new CuratedDocument("c", d, CurationState.DONE)).toList();
    }

    private static DictionaryModel train(List<Document> docs) {
        return (DictionaryModel) new DictionaryLearner(0).train(curated(docs), LabelSchema.inferredFrom(docs), TrainingProgress.NONE);
    }

    @Test
    void foldDictionariesFromOneScanEqualThoseBuiltOneByOne() throws Exception {
        List<Document> devel = TestCorpora.bc5cdrDevel().subList(0, 60);
        int folds = 4;
        List<MentionDictionary> together = MentionDictionary.withFolds(devel, folds,
                text -> taiyi.workbench.inference.align.FoldedText.of(text, false));
        assertEquals(folds + 1, together.size());
        int compared = 0;
        for (int k = 0; k <= folds; k++) {
            int fold = k;
            List<Document> members = new java.util.ArrayList<>();
            for (int i = 0; i < devel.size(); i++) {
                if (fold == folds || i % folds != fold) {
                    members.add(devel.get(i));
                }
            }
            MentionDictionary alone = MentionDictionary.of(members);
            assertEquals(alone.size(), together.get(k).size(), "fold " + k);
            for (Document d : devel) {
                for (EntityMention m : d.mentions()) {
                    String text = d.text().substring(m.start(), m.end());
                    DictionaryEntry a = alone.entry(text);
                    DictionaryEntry b = together.get(k).entry(text);
                    assertEquals(a == null, b == null, text);
                    if (a != null) {
                        assertEquals(a.seen(), b.seen(), text);
                        assertEquals(a.typesByScore(), b.typesByScore(), text);
                        for (String type : a.typesByScore()) {
                            assertEquals(a.curated(type), b.curated(type), text);
                            assertEquals(a.concepts(type), b.concepts(type), text);
                        }
                        compared++;
                    }
                }
            }
        }
        // every dictionary compared on hundreds of strings, not on a few
        assertTrue(compared > 1000, "compared " + compared);
    }

    @Test
    void findsTheCuratedMentionsOfItsOwnDocumentsInAnyCaseAndWidth() throws Exception {
        List<Document> devel = TestCorpora.bc5cdrDevel().subList(0, 40);
        DictionaryModel model = train(devel);
        Document d = devel.get(0);
        // the abstract's chemical and disease names, each as curated in it
        EntityMention gold = d.mentions().stream().filter(m -> d.text().substring(m.start(), m.end()).matches("[A-Za-z]{6,}"))
                .findFirst().orElseThrow();
        String word = d.text().substring(gold.start(), gold.end());
        assertTrue(spans(model.predict(d)).contains(gold.start() + "-" + gold.end() + " " + gold.type()), word);

        // upper case, and the same word in full-width Latin letters: same span, same type
        Document upper = Document.ofText("upper", d.text().toUpperCase(Locale.ROOT));
        assertTrue(spans(model.predict(upper)).contains(gold.start() + "-" + gold.end() + " " + gold.type()));
        StringBuilder wide = new StringBuilder();
        word.chars().forEach(c -> wide.append((char) (c + 0xFEE0)));
        String text = "Exposure to " + wide + " was noted.";
        List<PredictedMention> found = model.predict(Document.ofText("wide", text)).mentions();
        assertEquals(1, found.size(), text);
        assertEquals(text.indexOf(wide.toString()), found.get(0).start());
        assertEquals(gold.type(), found.get(0).type());

        // never inside a running word
        assertTrue(model.predict(Document.ofText("inside", "x" + word + "y is not it")).mentions().isEmpty());
    }

    @Test
    void prefersTheLongestCuratedString() throws Exception {
        List<Document> devel = TestCorpora.bc5cdrDevel();
        // a curated string that begins with another curated string and a space, both from the corpus
        java.util.Set<String> strings = new java.util.HashSet<>();
        devel.forEach(d -> d.mentions().forEach(m -> strings.add(d.text().substring(m.start(), m.end()).toLowerCase(Locale.ROOT))));
        Document holder = null;
        EntityMention longer = null;
        for (Document d : devel) {
            for (EntityMention m : d.mentions()) {
                String s = d.text().substring(m.start(), m.end()).toLowerCase(Locale.ROOT);
                int space = s.lastIndexOf(' ');
                if (longer == null && space > 0 && strings.contains(s.substring(0, space))) {
                    holder = d;
                    longer = m;
                }
            }
        }
        assertNotNull(longer, "BC5CDR has nested curated strings");
        DictionaryModel model = (DictionaryModel) new DictionaryLearner(0).train(curated(devel), LabelSchema.inferredFrom(devel),
                TrainingProgress.NONE);
        List<String> predicted = spans(model.predict(holder));
        int start = longer.start();
        int end = longer.end();
        assertTrue(predicted.stream().anyMatch(p -> p.startsWith(start + "-" + end + " ")), predicted.toString());
        assertFalse(predicted.stream().anyMatch(p -> p.startsWith(start + "-") && !p.startsWith(start + "-" + end + " ")));
    }

    @Test
    void scoresHowOftenAStringWasCuratedAgainstHowOftenItOccurs() throws Exception {
        List<Document> devel = TestCorpora.bc5cdrDevel().subList(0, 100);
        MentionDictionary dictionary = train(devel).dictionary();
        for (String word : List.of("cocaine", "hypertension", "dopamine")) {
            // counted here independently: whole-word occurrences by regular expression, curated ones by the gold
            Pattern p = Pattern.compile("(?<![A-Za-z0-9])" + word + "(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE);
            int seen = 0;
            int curated = 0;
            String type = null;
            for (Document d : devel) {
                Matcher m = p.matcher(d.text());
                while (m.find()) {
                    seen++;
                }
                for (EntityMention e : d.mentions()) {
                    if (d.text().substring(e.start(), e.end()).equalsIgnoreCase(word)) {
                        curated++;
                        type = e.type();
                    }
                }
            }
            if (curated == 0) {
                continue;
            }
            DictionaryEntry entry = dictionary.entry(word);
            assertEquals(seen, entry.seen(), word);
            assertEquals(curated, entry.curated(type), word);
            assertEquals((double) curated / Math.max(seen, curated), entry.score(type), 1e-12, word);
        }
    }

    @Test
    void matchesChineseWithoutWordBoundaries() throws Exception {
        List<Document> sentences = TestCorpora.cmeee().subList(0, 200);
        DictionaryModel model = (DictionaryModel) new DictionaryLearner(0).train(curated(sentences),
                LabelSchema.inferredFrom(sentences), TrainingProgress.NONE);
        Document d = sentences.stream().filter(s -> s.mentions().stream().anyMatch(m -> m.end() - m.start() >= 3)).findFirst().orElseThrow();
        EntityMention m = d.mentions().stream().filter(x -> x.end() - x.start() >= 3).findFirst().orElseThrow();
        String name = d.text().substring(m.start(), m.end());
        String text = "患者自述" + name + "三天";
        List<PredictedMention> found = model.predict(Document.ofText("zh", text)).mentions();
        assertTrue(found.stream().anyMatch(p -> p.start() <= 4 && p.end() >= 4 + name.length()), name + " in " + found);
        for (PredictedMention p : found) {
            assertTrue(p.confidence() >= 0 && p.confidence() <= 1);
            assertTrue(p.confidence() + p.runnerUpConfidence() <= 1 + 1e-9);
        }
    }

    private static List<String> spans(DocumentPrediction p) {
        return p.mentions().stream().map(m -> m.start() + "-" + m.end() + " " + m.type()).toList();
    }
}
