package taiyi.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.testing.TestCorpora;
import taiyi.workbench.inference.GeneratedToken;
import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.GenerationListener;
import taiyi.workbench.inference.GeneratorSettings;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.run.PreannotationRun;
import taiyi.workbench.inference.run.PreannotationSummary;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.store.CorpusStore;

/**
 * The in-process Taiyi path end to end on a real NCBI-disease abstract: a model folder scripted to
 * answer {@code specific disease: <a gold mention>} is loaded like a downloaded one, its answer is
 * generated, streamed, decoded to characters, parsed, placed at every occurrence in the abstract
 * and stored as suggestions.
 */
class QwenTextGeneratorTest {

    private static final LabelSchema NCBI = new LabelSchema(List.of(new EntityType("SpecificDisease", "specific disease",
            "特定疾病"), new EntityType("DiseaseClass", "disease class", "疾病类别")), List.of(), List.of());

    @TempDir
    static Path dir;
    private static Document abstractDoc;
    private static String mention;
    private static String answer;
    private static QwenTextGenerator generator;

    @BeforeAll
    static void scriptAModel() throws Exception {
        QwenTokenizer tokenizer = QwenTokenizer.load(Fixtures.file("tokenizer/qwen.tiktoken.gz"));
        int eod = tokenizer.specialId("<|endoftext|>");
        List<Document> docs = TestCorpora.ncbiDevel();
        // the first abstract with a specific disease whose answer has no repeated token (what a bigram script needs)
        for (Document d : docs) {
            for (EntityMention m : d.mentions()) {
                String text = m.coveredText(d.text());
                String candidate = "specific disease: " + text;
                List<Integer> chain = new ArrayList<>();
                chain.add(eod);
                for (int id : tokenizer.encodeText(candidate)) {
                    chain.add(id);
                }
                if (m.type().equals("SpecificDisease") && !m.isDiscontinuous() && new HashSet<>(chain).size() == chain.size()
                        && text.length() > 6) {
                    chain.add(eod);
                    ScriptedAnswerModel.write(dir.resolve("model"), chain);
                    abstractDoc = d;
                    mention = text;
                    answer = candidate;
                    break;
                }
            }
            if (abstractDoc != null) {
                break;
            }
        }
        assertTrue(abstractDoc != null, "no NCBI devel mention fits a bigram script");
        generator = QwenTextGenerator.open(new GeneratorSettings(dir.resolve("model"), null, GeneratorSettings.DeviceChoice.CPU,
                GeneratorSettings.Precision.FLOAT32, "taiyi1"));
    }

    @AfterAll
    static void close() {
        if (generator != null) {
            generator.close();
        }
    }

    private static Prompt prompt(String question) {
        return generator.template().render(List.of(question));
    }

    @Test
    void theAnswerIsGeneratedStreamedAndEveryTokenOwnsItsCharacters() {
        List<String> streamed = new ArrayList<>();
        GenerationListener listener = (i, token, soFar) -> streamed.add(soFar);
        Generation g = generator.generate(List.of(prompt("Extract disease entities: " + abstractDoc.text())),
                new GenerationOptions(64, 1), listener, () -> false).get(0);
        assertEquals(answer, g.text());
        assertEquals(Generation.StopReason.STOP_TOKEN, g.stopReason());
        assertEquals(answer, streamed.get(streamed.size() - 1));
        assertEquals(g.tokens().size(), streamed.size());
        int at = 0;
        for (GeneratedToken t : g.tokens()) {
            assertEquals(at, t.start(), "tokens tile the answer");
            at = t.end();
            assertTrue(t.logProbability() <= 0 && t.logProbability() > -0.01, "scripted tokens are near certain: " + t);
        }
        assertEquals(answer.length(), at);
        assertEquals("taiyi1", generator.template().id());
        assertEquals("model", generator.description().modelId());
    }

    @Test
    void aLeftPaddedBatchAnswersAsEachPromptAlone() {
        List<Prompt> prompts = List.of(prompt("short"), prompt("a much longer question about " + abstractDoc.text()));
        List<Generation> batch = generator.generate(prompts, new GenerationOptions(64, 2), GenerationListener.NONE, () -> false);
        for (int i = 0; i < prompts.size(); i++) {
            Generation alone = generator.generate(List.of(prompts.get(i)), new GenerationOptions(64, 1), GenerationListener.NONE,
                    () -> false).get(0);
            assertEquals(alone.text(), batch.get(i).text());
            assertEquals(answer, batch.get(i).text());
        }
    }

    @Test
    void theTokenLimitAndCancellingStopEarlyAndSaySo() {
        Generation cut = generator.generate(List.of(prompt("q")), new GenerationOptions(2, 1), GenerationListener.NONE,
                () -> false).get(0);
        assertEquals(Generation.StopReason.MAX_TOKENS, cut.stopReason());
        assertEquals(2, cut.tokens().size());
        assertTrue(answer.startsWith(cut.text()) && cut.text().length() < answer.length());

        AtomicInteger tokens = new AtomicInteger();
        Generation cancelled = generator.generate(List.of(prompt("q")), new GenerationOptions(64, 1),
                (i, t, s) -> tokens.incrementAndGet(), () -> tokens.get() >= 3).get(0);
        assertEquals(Generation.StopReason.CANCELLED, cancelled.stopReason());
        assertTrue(cancelled.tokens().size() < answer.length());
    }

    @Test
    void preannotationStoresTheAnsweredMentionAtEveryOccurrence() {
        try (CorpusStore store = CorpusStore.open(dir.resolve("db-" + System.nanoTime()))) {
            store.documents().importDocuments("ncbi", List.of(abstractDoc), "NCBIdevelopset_corpus.txt");
            store.documents().setSchema("ncbi", NCBI);
            PreannotationSummary summary = new PreannotationRun(store, "ncbi", generator, new GenerationOptions(64, 1), 1,
                    Set.of(TaskKind.NER)).run(List.of(abstractDoc.id()), PreannotationRun.Progress.NONE, () -> false);
            assertEquals(1, summary.annotated());
            List<Suggestion> suggestions = store.suggestions().suggestions("ncbi", abstractDoc.id());
            int occurrences = 0;
            for (int at = abstractDoc.text().indexOf(mention); at >= 0; at = abstractDoc.text().indexOf(mention, at + 1)) {
                occurrences++;
            }
            // every window of the abstract that contains the mention gets it; this abstract fits one window
            assertEquals(occurrences, suggestions.size(), suggestions.toString());
            for (Suggestion s : suggestions) {
                assertEquals("SpecificDisease", s.mention().type());
                assertEquals(mention, s.mention().coveredText(abstractDoc.text()));
                assertEquals("model", s.provenance().modelId());
                assertTrue(s.provenance().promptTemplateId().startsWith("taiyi1/ner-en"), s.provenance().promptTemplateId());
                assertTrue(s.score() > -0.01 && s.score() <= 0, "score " + s.score());
            }
        }
    }

    @Test
    void aFolderThatIsNotAModelIsRefusedByName() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("not-a-model"));
        IOException e = assertThrows(IOException.class, () -> QwenTextGenerator.open(GeneratorSettings.taiyi(empty)));
        assertTrue(e.getMessage().contains("config.json") && e.getMessage().contains("not-a-model"), e.getMessage());
        Path noVocabulary = Files.createDirectories(dir.resolve("no-vocabulary"));
        Files.copy(dir.resolve("model/config.json"), noVocabulary.resolve("config.json"));
        e = assertThrows(IOException.class, () -> QwenTextGenerator.open(GeneratorSettings.taiyi(noVocabulary)));
        assertTrue(e.getMessage().contains("qwen.tiktoken"), e.getMessage());
        Files.copy(dir.resolve("model/qwen.tiktoken"), noVocabulary.resolve("qwen.tiktoken"));
        e = assertThrows(IOException.class, () -> QwenTextGenerator.open(GeneratorSettings.taiyi(noVocabulary)));
        assertTrue(e.getMessage().contains("no weights"), e.getMessage());
        assertFalse(Files.exists(noVocabulary.resolve("model.safetensors")));
    }
}
