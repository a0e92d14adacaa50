package taiyi.workbench.learning.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.inference.PromptTemplate;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.djl.train.TrainingExample;
import taiyi.workbench.inference.prompt.PromptTemplates;
import taiyi.workbench.inference.prompt.Taiyi1Template;

/**
 * Conversations become training sequences in the pre-annotator's own prompt layout, with the loss
 * on the answers only; bad files are refused by file and line.
 */
class ConversationSequencesTest {

    static QwenTokenizer tokenizer;
    static final PromptTemplate TAIYI = PromptTemplates.byId(Taiyi1Template.ID);

    @TempDir
    Path tmp;

    @BeforeAll
    static void vocabulary() throws IOException {
        tokenizer = QwenTokenizer.load(Path.of(System.getProperty("taiyi.testdata"))
                .resolveSibling("bundles/taiyi.workbench.inference.djl.tests/fixtures/tokenizer/qwen.tiktoken.gz"));
    }

    private Path file(String content) throws IOException {
        Path f = tmp.resolve("train.jsonl");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void theFirstTurnIsThePreannotatorsPromptAndOnlyAnswersCarryTheLoss() throws IOException {
        String h1 = "Extract the Disease entities from the following text:\nCisplatin caused nephrotoxicity.";
        String a1 = "Disease: nephrotoxicity";
        String h2 = "And the chemicals?";
        String a2 = "Chemical: Cisplatin";
        Path f = file("{\"conversation_id\": 1, \"category\": \"NER\", \"dataset\": \"x\", \"language\": \"en\", \"conversation\": "
                + "[{\"human\": \"" + h1.replace("\n", "\\n") + "\", \"assistant\": \"" + a1 + "\"}, {\"human\": \"" + h2
                + "\", \"assistant\": \"" + a2 + "\"}]}\n");
        List<TrainingExample> examples = ConversationSequences.read(f, tokenizer, TAIYI, 1024);
        assertEquals(1, examples.size());
        TrainingExample e = examples.get(0);

        int eod = tokenizer.specialId(Taiyi1Template.EOD);
        int[] prompt = tokenizer.encode(TAIYI.render(List.of(h1)).pieces());
        assertArrayEquals(prompt, Arrays.copyOf(e.ids(), prompt.length), "the pre-annotator's prompt opens the sequence");
        int[] answer = tokenizer.encodeText(a1);
        int at = prompt.length;
        assertArrayEquals(answer, Arrays.copyOfRange(e.ids(), at, at + answer.length));
        assertEquals(eod, e.ids()[at + answer.length], "the answer ends with the stop token, which is trained too");
        int[] second = tokenizer.encode(TAIYI.render(List.of(h1, a1, h2)).pieces());
        assertArrayEquals(second, Arrays.copyOf(e.ids(), second.length), "turn two's prompt is the conversation so far");
        assertEquals(second.length + tokenizer.encodeText(a2).length + 1, e.length());

        int trained = 0;
        for (int i = 0; i < e.length(); i++) {
            boolean isAnswer = (i >= prompt.length && i <= prompt.length + answer.length) || i >= second.length;
            assertEquals(isAnswer, e.trained()[i], "token " + i);
            trained += isAnswer ? 1 : 0;
        }
        assertEquals(trained, e.trainedTokens());
        assertFalse(e.trained()[0]);
    }

    @Test
    void taiyisPublishedExampleDataReads() throws IOException {
        Path example = Path.of(System.getProperty("taiyi.testdata"), "taiyi-instruction-example");
        Path jsonl;
        try (var files = Files.list(example)) {
            jsonl = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        long lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count();
        List<TrainingExample> examples = ConversationSequences.read(jsonl, tokenizer, TAIYI, 8192);
        assertEquals(lines, examples.size());
        assertTrue(examples.stream().allMatch(e -> e.trainedTokens() > 0));
    }

    @Test
    void badDataIsRefusedByFileAndLine() throws IOException {
        String good = "{\"conversation\": [{\"human\": \"h\", \"assistant\": \"a\"}]}\n";
        Path notJson = file(good + "not json\n");
        TrainingDataException e1 = assertThrows(TrainingDataException.class,
                () -> ConversationSequences.read(notJson, tokenizer, TAIYI, 1024));
        assertTrue(e1.getMessage().startsWith(notJson + ":2: not JSON"), e1.getMessage());

        Path noAssistant = file("{\"conversation\": [{\"human\": \"h\"}]}\n");
        TrainingDataException e2 = assertThrows(TrainingDataException.class,
                () -> ConversationSequences.read(noAssistant, tokenizer, TAIYI, 1024));
        assertEquals(noAssistant + ":1: turn 1 needs string fields human and assistant", e2.getMessage());

        Path noConversation = file("\n{\"instruction\": \"h\", \"output\": \"a\"}\n");
        TrainingDataException e3 = assertThrows(TrainingDataException.class,
                () -> ConversationSequences.read(noConversation, tokenizer, TAIYI, 1024));
        assertTrue(e3.getMessage().startsWith(noConversation + ":2: field conversation"), e3.getMessage());

        Path tooLong = file(good + "{\"conversation\": [{\"human\": \"" + "word ".repeat(40) + "\", \"assistant\": \"a\"}]}\n");
        TrainingDataException e4 = assertThrows(TrainingDataException.class,
                () -> ConversationSequences.read(tooLong, tokenizer, TAIYI, 32));
        assertTrue(e4.getMessage().startsWith(tooLong + ":2: the conversation is ") && e4.getMessage().contains("max length 32"),
                e4.getMessage());

        Path empty = file("\n\n");
        TrainingDataException e5 = assertThrows(TrainingDataException.class,
                () -> ConversationSequences.read(empty, tokenizer, TAIYI, 1024));
        assertEquals(empty + ": holds no conversation; nothing to train on", e5.getMessage());
    }
}
