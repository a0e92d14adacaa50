package taiyi.workbench.inference.djl.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.inference.GeneratedToken;
import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.GenerationListener;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.TextGenerator;
import taiyi.workbench.inference.prompt.ChatMlTemplate;
import taiyi.workbench.inference.prompt.Taiyi1Template;
import taiyi.workbench.inference.remote.ApiKey;
import taiyi.workbench.inference.remote.EndpointException;
import taiyi.workbench.inference.remote.OpenAiEndpoint;
import taiyi.workbench.inference.remote.OpenAiTextGenerator;
import taiyi.workbench.inference.run.PreannotationRun;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TestCorpora;

/**
 * The workbench's HTTP back end against {@code taiyi serve} with a tiny random model: the same
 * answers, token log-probabilities, runner-ups and character ranges as in process, through
 * completions and chat, whole or streamed; the same suggestions in the store; and the errors a
 * curator can act on.
 */
class ServeRoundTripTest {

    @TempDir
    static Path dir;
    static TinyServedModel tiny;

    @BeforeAll
    static void serve() throws IOException {
        tiny = TinyServedModel.start(dir, 8, null);
    }

    @AfterAll
    static void stop() {
        if (tiny != null) {
            tiny.close();
        }
    }

    private static List<Prompt> prompts(String... questions) {
        List<Prompt> out = new ArrayList<>();
        for (String q : questions) {
            out.add(new Taiyi1Template().render(List.of(q)));
        }
        return out;
    }

    /**
     * Log-probabilities agree to float rounding: the server decodes concurrent requests in one
     * batch, whose matrix products may round a last bit differently from a prompt alone.
     */
    private static final double ROUNDING = 1e-5;

    private static void assertSameGeneration(Generation expected, Generation actual) {
        assertEquals(expected.text(), actual.text());
        assertEquals(expected.stopReason(), actual.stopReason());
        assertEquals(expected.tokens().size(), actual.tokens().size(), actual.text());
        for (int i = 0; i < expected.tokens().size(); i++) {
            GeneratedToken e = expected.tokens().get(i);
            GeneratedToken a = actual.tokens().get(i);
            assertEquals(e.logProbability(), a.logProbability(), ROUNDING, "token " + i);
            assertEquals(e.runnerUpLogProbability(), a.runnerUpLogProbability(), ROUNDING, "runner-up of token " + i);
            assertEquals(e.start(), a.start(), "start of token " + i + " in " + actual.text());
            assertEquals(e.end(), a.end(), "end of token " + i + " in " + actual.text());
        }
    }

    @Test
    void completionsGiveTheAnswersTokensAndRangesOfTheModelInProcess() {
        List<Prompt> prompts = prompts("Find the diseases: cisplatin caused nephrotoxicity.", "找出疾病：顺铂导致肾毒性。",
                "Is aspirin a chemical?");
        List<Generation> expected = tiny.alone(prompts, 40);
        try (TextGenerator remote = tiny.client(OpenAiEndpoint.Api.COMPLETIONS, "taiyi1")) {
            List<Generation> actual = remote.generate(prompts, new GenerationOptions(40, 4), GenerationListener.NONE, () -> false);
            for (int i = 0; i < prompts.size(); i++) {
                assertSameGeneration(expected.get(i), actual.get(i));
                assertTrue(actual.get(i).tokens().stream().allMatch(GeneratedToken::hasRunnerUp));
            }
        }
    }

    @Test
    void chatGivesWhatTheChatMlPromptGivesInProcess() {
        Prompt prompt = new ChatMlTemplate().render(List.of("找出疾病：顺铂导致肾毒性。"));
        Generation expected = tiny.alone(List.of(prompt), 30).get(0);
        try (TextGenerator remote = tiny.client(OpenAiEndpoint.Api.CHAT, "chatml")) {
            Generation actual = remote.generate(List.of(prompt), new GenerationOptions(30, 1), GenerationListener.NONE, () -> false)
                    .get(0);
            assertSameGeneration(expected, actual);
        }
    }

    @Test
    void aStreamCarriesTheSameTextAndTokensAsTheWholeAnswer() throws Exception {
        Prompt prompt = prompts("找出疾病：顺铂导致肾毒性。").get(0);
        Generation expected = tiny.alone(List.of(prompt), 30).get(0);
        ObjectMapper json = new ObjectMapper();
        String body = json.createObjectNode().put("model", TinyServedModel.NAME).put("prompt", prompt.asText())
                .put("max_tokens", 30).put("logprobs", 2).put("stream", true).toString();
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(tiny.server.baseUrl() + "/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        StringBuilder text = new StringBuilder();
        List<Double> logprobs = new ArrayList<>();
        String finish = null;
        boolean done = false;
        for (String line : response.body().toList()) {
            if (!line.startsWith("data: ")) {
                continue;
            }
            if (line.equals("data: [DONE]")) {
                done = true;
                continue;
            }
            JsonNode choice = json.readTree(line.substring(6)).path("choices").path(0);
            text.append(choice.path("text").asText());
            choice.path("logprobs").path("token_logprobs").forEach(v -> logprobs.add(v.asDouble()));
            if (!choice.path("finish_reason").isNull()) {
                finish = choice.path("finish_reason").asText();
            }
        }
        assertTrue(done, "the stream ends with [DONE]");
        assertEquals(expected.text(), text.toString());
        assertEquals(expected.tokens().stream().map(GeneratedToken::logProbability).toList(), logprobs);
        assertEquals(expected.stopReason() == Generation.StopReason.MAX_TOKENS ? "length" : "stop", finish);
    }

    @Test
    void aStopStringCutsTheAnswerWhereItBegins() throws Exception {
        Prompt prompt = prompts("Find the diseases: cisplatin caused nephrotoxicity.").get(0);
        Generation whole = tiny.alone(List.of(prompt), 40).get(0);
        // a stretch from the middle of the answer the model gives anyway
        String stop = whole.text().substring(whole.text().length() / 2, whole.text().length() / 2 + 2);
        int cut = whole.text().indexOf(stop);
        ObjectMapper json = new ObjectMapper();
        String body = json.createObjectNode().put("model", TinyServedModel.NAME).put("prompt", prompt.asText())
                .put("max_tokens", 40).put("stop", stop).toString();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(tiny.server.baseUrl() + "/completions")).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode choice = json.readTree(response.body()).path("choices").path(0);
        assertEquals(whole.text().substring(0, cut), choice.path("text").asText());
        assertEquals("stop", choice.path("finish_reason").asText());
    }

    @Test
    void preannotatingThroughTheServerStoresTheSuggestionsOfTheModelInProcess() throws Exception {
        List<Document> docs = TestCorpora.ncbiDevel().subList(0, 3);
        LabelSchema schema = new LabelSchema(List.of(new EntityType("Disease", "disease", "疾病")), List.of(), List.of());
        List<String> ids = docs.stream().map(Document::id).toList();
        List<List<Suggestion>> stored = new ArrayList<>();
        for (boolean remote : new boolean[] {false, true}) {
            Path db = dir.resolve(remote ? "db-remote" : "db-local");
            try (CorpusStore store = CorpusStore.open(db)) {
                store.documents().importDocuments("ncbi", docs, "NCBIdevelopset_corpus.txt");
                store.documents().setSchema("ncbi", schema);
                TextGenerator generator = remote ? tiny.client(OpenAiEndpoint.Api.COMPLETIONS, "taiyi1") : tiny.inProcess;
                new PreannotationRun(store, "ncbi", generator, new GenerationOptions(24, 2), 1, Set.of(TaskKind.NER)).run(ids,
                        (o, d, t) -> { }, () -> false);
                if (remote) {
                    generator.close();
                }
                List<Suggestion> all = new ArrayList<>();
                for (String id : ids) {
                    assertTrue(store.suggestions().hasSuggestionsFrom("ncbi", id, TinyServedModel.NAME, "", 1)
                            || store.suggestions().suggestionLayer("ncbi", id).mentions().isEmpty(), id);
                    List<Suggestion> ofDocument = new ArrayList<>(store.suggestions().suggestionLayer("ncbi", id).mentions());
                    ofDocument.sort(java.util.Comparator.comparing(ServeRoundTripTest::where));
                    all.addAll(ofDocument);
                }
                stored.add(all);
            }
        }
        List<Suggestion> local = stored.get(0);
        List<Suggestion> remote = stored.get(1);
        assertEquals(local.stream().map(ServeRoundTripTest::where).toList(), remote.stream().map(ServeRoundTripTest::where).toList());
        for (int i = 0; i < local.size(); i++) {
            assertEquals(local.get(i).score(), remote.get(i).score(), ROUNDING, where(local.get(i)));
            assertEquals(local.get(i).provenance().modelId(), remote.get(i).provenance().modelId());
            assertEquals(local.get(i).mention().attributes().keySet(), remote.get(i).mention().attributes().keySet());
            for (String key : local.get(i).mention().attributes().keySet()) {
                String a = local.get(i).mention().attributes().get(key);
                String b = remote.get(i).mention().attributes().get(key);
                if (key.startsWith("score.")) {
                    assertEquals(Double.parseDouble(a), Double.parseDouble(b), ROUNDING, key + " of " + where(local.get(i)));
                } else {
                    assertEquals(a, b, key + " of " + where(local.get(i)));
                }
            }
        }
    }

    private static String where(Suggestion s) {
        return s.mention().type() + " " + s.mention().spans() + " " + s.mention().attributes().getOrDefault("generated", "");
    }

    @Test
    void whatIsWrongWithAnEndpointIsNamedAndTheKeyIsNot() throws Exception {
        EndpointException unknown = assertThrows(EndpointException.class, () -> OpenAiTextGenerator.connect(
                OpenAiEndpoint.of(tiny.server.baseUrl(), "taiyi-7b", OpenAiEndpoint.Api.COMPLETIONS, null), "taiyi1", w -> { }));
        assertEquals(EndpointException.Kind.UNKNOWN_MODEL, unknown.kind());
        assertTrue(unknown.getMessage().contains("taiyi-7b") && unknown.getMessage().contains(TinyServedModel.NAME),
                unknown.getMessage());

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        OpenAiEndpoint nowhere = OpenAiEndpoint.of("http://127.0.0.1:" + closedPort, TinyServedModel.NAME,
                OpenAiEndpoint.Api.COMPLETIONS, null);
        EndpointException unreachable = assertThrows(EndpointException.class, () -> OpenAiTextGenerator.connect(
                nowhere.withLimits(nowhere.requestTimeout(), 1, 2, java.time.Duration.ofMillis(10)), "taiyi1", w -> { }));
        assertEquals(EndpointException.Kind.UNREACHABLE, unreachable.kind());
        assertTrue(unreachable.getMessage().contains("127.0.0.1:" + closedPort), unreachable.getMessage());

        String secret = "sk-test-" + Long.toHexString(System.nanoTime());
        ApiKey key = ApiKey.of(secret, "the test");
        try (OpenAiServer guarded = OpenAiServer.start(new ServeSettings("127.0.0.1", 0, TinyServedModel.NAME, key, 2),
                tiny.inProcess.model(), tiny.inProcess.tokenizer())) {
            EndpointException noKey = assertThrows(EndpointException.class, () -> OpenAiTextGenerator.connect(
                    OpenAiEndpoint.of(guarded.baseUrl(), TinyServedModel.NAME, OpenAiEndpoint.Api.COMPLETIONS, null), "taiyi1",
                    w -> { }));
            assertEquals(EndpointException.Kind.UNAUTHORIZED, noKey.kind());
            ApiKey wrong = ApiKey.of(secret + "x", "a wrong key");
            EndpointException refused = assertThrows(EndpointException.class, () -> OpenAiTextGenerator.connect(
                    OpenAiEndpoint.of(guarded.baseUrl(), TinyServedModel.NAME, OpenAiEndpoint.Api.COMPLETIONS, wrong), "taiyi1",
                    w -> { }));
            assertEquals(EndpointException.Kind.UNAUTHORIZED, refused.kind());
            assertTrue(refused.getMessage().contains("a wrong key") && !refused.getMessage().contains(secret), refused.getMessage());
            try (OpenAiTextGenerator ok = OpenAiTextGenerator.connect(
                    OpenAiEndpoint.of(guarded.baseUrl(), TinyServedModel.NAME, OpenAiEndpoint.Api.COMPLETIONS, key), "taiyi1",
                    w -> { })) {
                assertFalse(ok.toString().contains(secret) || key.toString().contains(secret));
                assertEquals(List.of(TinyServedModel.NAME), ok.servedModels());
            }
        }

        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> OpenAiServer.start(
                new ServeSettings("0.0.0.0", 0, TinyServedModel.NAME, null, 2), tiny.inProcess.model(), tiny.inProcess.tokenizer()));
        assertTrue(open.getMessage().contains("0.0.0.0") && open.getMessage().contains("API key"), open.getMessage());
    }
}
