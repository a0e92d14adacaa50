package taiyi.workbench.inference.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.inference.GeneratedToken;
import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.prompt.ChatMlTemplate;
import taiyi.workbench.inference.prompt.Taiyi1Template;

/**
 * Answers in the shapes vLLM's OpenAI-compatible server writes them (completions: parallel lists
 * whose offsets may count from the prompt's start; chat: one object per token with its UTF-8
 * bytes), mapped onto the answer's characters with each token's runner-up; and the key kept secret.
 */
class ChoiceReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void aCompletionsChoiceMapsEachTokenOntoTheCharsItWrote() throws Exception {
        // offsets as vLLM gives them with echo: counted from the prompt's start (here 40 chars)
        JsonNode choice = json("{'text': 'Disease: asthma', 'finish_reason': 'length', 'logprobs': {"
                + "'tokens': ['Disease', ':', ' asthma'], 'token_logprobs': [-0.1, -0.5, -2.0],"
                + "'top_logprobs': [{'Disease': -0.1, 'Chemical': -2.5}, {':': -0.5}, {' asthma': -2.0, ' asthmatic': -1.9}],"
                + "'text_offset': [40, 47, 48]}}");
        Generation g = ChoiceReader.completion(choice);
        assertEquals("Disease: asthma", g.text());
        assertEquals(Generation.StopReason.MAX_TOKENS, g.stopReason());
        List<GeneratedToken> t = g.tokens();
        assertEquals(List.of(0, 7, 8), t.stream().map(GeneratedToken::start).toList());
        assertEquals(List.of(7, 8, 15), t.stream().map(GeneratedToken::end).toList());
        assertEquals(-2.5, t.get(0).runnerUpLogProbability());
        assertFalse(t.get(1).hasRunnerUp(), "the only top entry is the chosen token");
        // a sampling server may report a runner-up above the choice: it counts as a tie
        assertEquals(-2.0, t.get(2).runnerUpLogProbability());
        assertEquals(0.0, t.get(2).margin().getAsDouble());
        assertEquals(-2.0, g.meanLogProbability(9, 15).getAsDouble());
    }

    @Test
    void aChatChoiceCountsCharsFromTheTokensBytes() throws Exception {
        // 肾 is E8 82 BE: its first token completes no character, the second completes it
        JsonNode choice = json("{'message': {'role': 'assistant', 'content': '肾病'}, 'finish_reason': 'stop', 'logprobs': {'content': ["
                + "{'token': 'bytes:\\\\xe8\\\\x82', 'logprob': -0.3, 'bytes': [232, 130], 'top_logprobs': ["
                + "  {'token': 'bytes:\\\\xe8\\\\x82', 'logprob': -0.3, 'bytes': [232, 130]}, {'token': 'x', 'logprob': -1.5, 'bytes': [120]}]},"
                + "{'token': 'bytes:\\\\xbe', 'logprob': -0.2, 'bytes': [190], 'top_logprobs': []},"
                + "{'token': '病', 'logprob': -0.7, 'bytes': [231, 151, 133], 'top_logprobs': [{'token': '病', 'logprob': -0.7, 'bytes': [231, 151, 133]}]}]}}");
        Generation g = ChoiceReader.chat(choice);
        assertEquals("肾病", g.text());
        assertEquals(Generation.StopReason.STOP_TOKEN, g.stopReason());
        List<GeneratedToken> t = g.tokens();
        assertEquals(List.of(0, 0, 1), t.stream().map(GeneratedToken::start).toList());
        assertEquals(List.of(0, 1, 2), t.stream().map(GeneratedToken::end).toList());
        assertEquals(-1.5, t.get(0).runnerUpLogProbability());
        assertEquals(-0.25, g.meanLogProbability(0, 1).getAsDouble(), 1e-12);
    }

    @Test
    void aChoiceWithoutLogProbabilitiesKeepsItsTextAndNoTokens() throws Exception {
        JsonNode choice = json("{'text': 'Disease: asthma', 'finish_reason': 'stop', 'logprobs': null}");
        assertFalse(ChoiceReader.hasLogprobs(choice));
        Generation g = ChoiceReader.completion(choice);
        assertEquals("Disease: asthma", g.text());
        assertEquals(List.of(), g.tokens());
    }

    @Test
    void chatMessagesAreTheTurnsOfAChatMlPrompt() {
        List<ChatMessages.Message> m = ChatMessages.of(new ChatMlTemplate("Be brief.").render(List.of("Hi", "Hello", "找出疾病")));
        assertEquals(List.of(new ChatMessages.Message("system", "Be brief."), new ChatMessages.Message("user", "Hi"),
                new ChatMessages.Message("assistant", "Hello"), new ChatMessages.Message("user", "找出疾病")), m);
        IllegalArgumentException taiyi = assertThrows(IllegalArgumentException.class,
                () -> ChatMessages.of(new Taiyi1Template().render(List.of("Hi"))));
        assertTrue(taiyi.getMessage().contains("completions"), taiyi.getMessage());
    }

    @Test
    void theKeyNeverShowsAndIsComparedWhole() {
        ApiKey key = ApiKey.fromEnvironment("TAIYI_KEY", Map.of("TAIYI_KEY", " sk-secret-123 ")::get);
        assertFalse(key.toString().contains("sk-secret"), key.toString());
        assertTrue(key.matchesHeader("Bearer sk-secret-123"));
        assertFalse(key.matchesHeader("Bearer sk-secret-12"));
        assertFalse(key.matchesHeader(null));
        IllegalArgumentException unset = assertThrows(IllegalArgumentException.class,
                () -> ApiKey.fromEnvironment("TAIYI_NO_KEY", Map.<String, String>of()::get));
        assertTrue(unset.getMessage().contains("TAIYI_NO_KEY"), unset.getMessage());
        OpenAiEndpoint endpoint = OpenAiEndpoint.of("http://gpu-box:8000", "taiyi", OpenAiEndpoint.Api.COMPLETIONS, key);
        assertEquals("http://gpu-box:8000/v1", endpoint.baseUri().toString());
        assertFalse(endpoint.toString().contains("sk-secret"), endpoint.toString());
    }
}
