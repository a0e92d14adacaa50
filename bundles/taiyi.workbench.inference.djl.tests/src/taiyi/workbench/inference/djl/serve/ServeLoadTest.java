package taiyi.workbench.inference.djl.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.GenerationListener;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.prompt.Taiyi1Template;
import taiyi.workbench.inference.remote.EndpointException;
import taiyi.workbench.inference.remote.OpenAiEndpoint;
import taiyi.workbench.inference.remote.OpenAiTextGenerator;
import taiyi.workbench.inference.run.PreannotationRun;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TestCorpora;

/**
 * {@code taiyi serve} under load and faults: many clients at once each get the answer their prompt
 * gets alone; a stream whose client leaves frees its row; a server that dies during a
 * pre-annotation leaves whole documents and a clear error.
 */
class ServeLoadTest {

    private static final int CLIENTS = 32;
    private static final int REQUESTS = 20;
    private static final int MAX_TOKENS = 12;

    @TempDir
    Path dir;

    @Test
    void thirtyTwoClientsAtOnceEachGetWhatTheirPromptGetsAlone() throws Exception {
        try (TinyServedModel tiny = TinyServedModel.start(dir, CLIENTS, null)) {
            List<Prompt> prompts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                prompts.add(new Taiyi1Template().render(List.of("Question " + i + ": " + "顺铂导致肾毒性。".repeat(1 + i % 5)
                        + " cisplatin ".repeat(i % 7))));
            }
            List<Generation> alone = tiny.alone(prompts, MAX_TOKENS);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Integer>> done = new ArrayList<>();
            Map<String, String> wrong = new ConcurrentHashMap<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    int answered = 0;
                    try (OpenAiTextGenerator remote = tiny.client(OpenAiEndpoint.Api.COMPLETIONS, "taiyi1")) {
                        for (int r = 0; r < REQUESTS; r++) {
                            int p = (client * 7 + r * 3) % prompts.size();
                            Generation g = remote.generate(List.of(prompts.get(p)), new GenerationOptions(MAX_TOKENS, 1),
                                    GenerationListener.NONE, () -> false).get(0);
                            if (!g.text().equals(alone.get(p).text()) || g.tokens().size() != alone.get(p).tokens().size()) {
                                wrong.put(client + "/" + r, "prompt " + p + ": '" + g.text() + "' instead of '" + alone.get(p).text() + "'");
                            }
                            answered++;
                        }
                    }
                    return answered;
                }));
            }
            int answered = 0;
            for (Future<Integer> f : done) {
                answered += f.get();
            }
            clients.shutdown();
            assertEquals(CLIENTS * REQUESTS, answered);
            assertEquals(Map.of(), wrong);
            assertEquals(CLIENTS * REQUESTS, tiny.server.served());
        }
    }

    @Test
    void aClientThatLeavesMidStreamFreesItsRow() throws Exception {
        try (TinyServedModel tiny = TinyServedModel.start(dir, 1, null)) {
            Prompt prompt = new Taiyi1Template().render(List.of("找出疾病：顺铂导致肾毒性。"));
            String body = new ObjectMapper().createObjectNode().put("model", TinyServedModel.NAME).put("prompt", prompt.asText())
                    .put("max_tokens", 1900).put("stream", true).toString();
            HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(tiny.server.baseUrl() + "/completions")).POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            InputStream in = stream.body();
            byte[] first = in.readNBytes(64);
            assertTrue(new String(first, java.nio.charset.StandardCharsets.UTF_8).startsWith("data: "));
            assertEquals(1, tiny.server.activeRows(), "the stream holds the one row");
            in.close();
            // the one row must come free, or this request would wait behind 1,900 tokens
            try (OpenAiTextGenerator remote = tiny.client(OpenAiEndpoint.Api.COMPLETIONS, "taiyi1")) {
                Generation next = remote.generate(List.of(prompt), new GenerationOptions(5, 1), GenerationListener.NONE, () -> false)
                        .get(0);
                assertEquals(tiny.alone(List.of(prompt), 5).get(0).text(), next.text());
            }
            assertEquals(1, tiny.server.served(), "only the second request was answered in full");
            assertTrue(tiny.server.generatedTokens() < 1900, tiny.server.generatedTokens()
                    + " tokens generated: the stream whose client left ran on");
        }
    }

    @Test
    void aServerKilledDuringPreannotationLeavesWholeDocumentsAndAClearError() throws Exception {
        List<Document> docs = TestCorpora.ncbiDevel().subList(0, 6);
        List<String> ids = docs.stream().map(Document::id).toList();
        LabelSchema schema = new LabelSchema(List.of(new EntityType("Disease", "disease", "疾病")), List.of(), List.of());
        try (TinyServedModel tiny = TinyServedModel.start(dir, 4, null); CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            store.documents().importDocuments("ncbi", docs, "NCBIdevelopset_corpus.txt");
            store.documents().setSchema("ncbi", schema);
            OpenAiEndpoint endpoint = tiny.endpoint(OpenAiEndpoint.Api.COMPLETIONS);
            endpoint = endpoint.withLimits(endpoint.requestTimeout(), 2, 2, java.time.Duration.ofMillis(50));
            List<String> stored = Collections.synchronizedList(new ArrayList<>());
            try (OpenAiTextGenerator remote = OpenAiTextGenerator.connect(endpoint, "taiyi1", w -> { })) {
                PreannotationRun run = new PreannotationRun(store, "ncbi", remote, new GenerationOptions(16, 1), 1, Set.of(TaskKind.NER));
                EndpointException e = org.junit.jupiter.api.Assertions.assertThrows(EndpointException.class, () -> run.run(ids,
                        (o, d, t) -> {
                            stored.add(o.documentId());
                            if (d == 2) {
                                tiny.server.close();
                            }
                        }, () -> false));
                assertEquals(EndpointException.Kind.UNREACHABLE, e.kind());
                assertTrue(e.getMessage().contains(tiny.server.baseUrl().replace("/v1", "")), e.getMessage());
            }
            assertEquals(2, stored.size());
            for (String id : ids) {
                if (!stored.contains(id)) {
                    assertEquals(List.of(), mentions(store, id), "nothing of " + id + ", which was not finished");
                }
            }
            // what was stored is whole: the same suggestions a run in process stores for those documents
            try (CorpusStore local = CorpusStore.open(dir.resolve("db-local"))) {
                local.documents().importDocuments("ncbi", docs, "NCBIdevelopset_corpus.txt");
                local.documents().setSchema("ncbi", schema);
                new PreannotationRun(local, "ncbi", tiny.inProcess, new GenerationOptions(16, 1), 1, Set.of(TaskKind.NER))
                        .run(stored, (o, d, t) -> { }, () -> false);
                for (String id : stored) {
                    assertEquals(mentions(local, id), mentions(store, id), id);
                }
            }
        }
    }

    private static List<String> mentions(CorpusStore store, String id) {
        return store.suggestions().suggestionLayer("ncbi", id).mentions().stream()
                .map(s -> s.mention().type() + " " + s.mention().spans() + " " + s.score()).sorted().toList();
    }
}
