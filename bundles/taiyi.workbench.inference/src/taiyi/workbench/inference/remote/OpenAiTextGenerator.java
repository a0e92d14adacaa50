package taiyi.workbench.inference.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import taiyi.workbench.inference.GeneratedToken;
import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.GenerationListener;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.ModelDescription;
import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.PromptTemplate;
import taiyi.workbench.inference.TextGenerator;
import taiyi.workbench.inference.prompt.ChatMlTemplate;
import taiyi.workbench.inference.prompt.PromptTemplates;

/**
 * A {@link TextGenerator} on an OpenAI-compatible server: each prompt is one greedy request
 * (temperature 0) asking for the top two log-probabilities per token, so suggestions carry the
 * same mean, minimum and margin as in process. Up to the endpoint's limit of requests are in
 * flight at once; 429, 5xx and dropped connections are retried with doubling waits (honouring
 * {@code Retry-After}); cancelling abandons the requests in flight.
 *
 * <p>A server that answers without log-probabilities still yields the text; its suggestions are
 * stored with the score marked unknown, and the warning consumer hears it once.
 */
public final class OpenAiTextGenerator implements TextGenerator {

    /** Top log-probabilities asked per token: the chosen one and its runner-up. */
    private static final int TOP = 2;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private final OpenAiEndpoint endpoint;
    private final PromptTemplate template;
    private final Consumer<String> warnings;
    private final HttpClient client;
    private final ExecutorService requests;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicBoolean warnedNoLogprobs = new AtomicBoolean();

    private OpenAiTextGenerator(OpenAiEndpoint endpoint, PromptTemplate template, Consumer<String> warnings) {
        this.endpoint = endpoint;
        this.template = template;
        this.warnings = warnings;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
        this.requests = Executors.newFixedThreadPool(endpoint.maxConcurrentRequests(), r -> {
            Thread t = new Thread(r, "openai-request");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Checks the endpoint ({@code /v1/models}: reachable, key accepted, model served) and returns a
     * generator on it.
     *
     * @param templateId the template prompts are rendered in: the model's own for completions
     *        ({@code taiyi1} for Taiyi); a chat endpoint always takes ChatML turns
     * @param warnings hears what the run should know but need not stop for (no log-probabilities)
     * @throws EndpointException naming what is wrong with the endpoint
     */
    public static OpenAiTextGenerator connect(OpenAiEndpoint endpoint, String templateId, Consumer<String> warnings) {
        PromptTemplate template = endpoint.api() == OpenAiEndpoint.Api.CHAT ? new ChatMlTemplate() : PromptTemplates.byId(templateId);
        OpenAiTextGenerator generator = new OpenAiTextGenerator(endpoint, template, Objects.requireNonNull(warnings, "warnings"));
        try {
            List<String> served = generator.servedModels();
            if (!served.contains(endpoint.modelName())) {
                throw new EndpointException(EndpointException.Kind.UNKNOWN_MODEL, "endpoint " + endpoint.baseUri()
                        + " serves no model '" + endpoint.modelName() + "' (it serves: "
                        + (served.isEmpty() ? "none" : String.join(", ", served)) + ")");
            }
        } catch (RuntimeException e) {
            generator.close();
            throw e;
        }
        return generator;
    }

    /** The model names {@code /v1/models} lists. */
    public List<String> servedModels() {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("models")).timeout(Duration.ofSeconds(30)).GET();
        HttpResponse<String> response = exchange(request, "models");
        List<String> names = new ArrayList<>();
        body(response, "models").path("data").forEach(m -> names.add(m.path("id").asText()));
        return names;
    }

    public OpenAiEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public ModelDescription description() {
        return new ModelDescription(endpoint.modelName(), "", endpoint.baseUri().toString());
    }

    @Override
    public PromptTemplate template() {
        return template;
    }

    @Override
    public List<Generation> generate(List<Prompt> prompts, GenerationOptions options, GenerationListener listener,
            BooleanSupplier cancelled) {
        List<Future<Generation>> pending = new ArrayList<>(prompts.size());
        for (Prompt p : prompts) {
            pending.add(requests.submit(() -> ask(p, options.maxNewTokens())));
        }
        List<Generation> out = new ArrayList<>(prompts.size());
        try {
            for (int i = 0; i < pending.size(); i++) {
                Generation g = await(pending.get(i), cancelled);
                if (g == null) {
                    pending.forEach(f -> f.cancel(true));
                    while (out.size() < prompts.size()) {
                        out.add(new Generation("", List.of(), Generation.StopReason.CANCELLED));
                    }
                    return out;
                }
                for (GeneratedToken t : g.tokens()) {
                    listener.onToken(i, t, g.text().substring(0, t.end()));
                }
                out.add(g);
            }
        } catch (RuntimeException e) {
            pending.forEach(f -> f.cancel(true));
            throw e;
        }
        return out;
    }

    /** The generation, or null once {@code cancelled} turns true. */
    private static Generation await(Future<Generation> future, BooleanSupplier cancelled) {
        while (true) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll cancellation again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    // the worker's exception, rethrown with this thread's stack for the caller's log
                    if (r instanceof EndpointException ee) {
                        throw new EndpointException(ee.kind(), ee.getMessage(), ee);
                    }
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private Generation ask(Prompt prompt, int maxNewTokens) {
        boolean chat = endpoint.api() == OpenAiEndpoint.Api.CHAT;
        ObjectNode body = json.createObjectNode();
        body.put("model", endpoint.modelName());
        body.put("max_tokens", maxNewTokens);
        body.put("temperature", 0);
        if (chat) {
            ArrayNode messages = body.putArray("messages");
            for (ChatMessages.Message m : ChatMessages.of(prompt)) {
                messages.addObject().put("role", m.role()).put("content", m.content());
            }
            body.put("logprobs", true);
            body.put("top_logprobs", TOP);
        } else {
            body.put("prompt", prompt.asText());
            body.put("logprobs", TOP);
            ArrayNode stop = body.putArray("stop");
            prompt.stopTokens().forEach(stop::add);
        }
        String path = chat ? "chat/completions" : "completions";
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(endpoint.requestTimeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        JsonNode answer = body(exchange(request, path), path);
        JsonNode choice = answer.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new EndpointException(EndpointException.Kind.BAD_RESPONSE, "endpoint " + endpoint.resolve(path)
                    + " answered without choices: " + abbreviate(answer.toString()));
        }
        if (!ChoiceReader.hasLogprobs(choice) && warnedNoLogprobs.compareAndSet(false, true)) {
            warnings.accept("endpoint " + endpoint.baseUri() + " answers without log-probabilities: suggestions are stored with "
                    + "their score marked unknown");
        }
        return chat ? ChoiceReader.chat(choice) : ChoiceReader.completion(choice);
    }

    /** Sends with the key, retrying 429, 5xx and dropped connections; any other failure becomes an {@link EndpointException}. */
    private HttpResponse<String> exchange(HttpRequest.Builder builder, String path) {
        endpoint.key().ifPresent(k -> builder.header("Authorization", k.authorizationHeader()));
        HttpRequest request = builder.build();
        URI uri = request.uri();
        Duration wait = endpoint.firstBackoff();
        String lastProblem = "";
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                throw new EndpointException(EndpointException.Kind.TIMEOUT, "endpoint " + uri + " did not answer within "
                        + endpoint.requestTimeout().toSeconds() + " s", e);
            } catch (ConnectException e) {
                lastProblem = "cannot reach endpoint " + endpoint.baseUri() + ": connection refused (is the server running?)";
                if (attempt >= endpoint.maxAttempts()) {
                    throw new EndpointException(EndpointException.Kind.UNREACHABLE, lastProblem, e);
                }
                sleep(wait);
                wait = wait.multipliedBy(2);
                continue;
            } catch (IOException e) {
                lastProblem = "lost the connection to endpoint " + uri + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
                if (attempt >= endpoint.maxAttempts()) {
                    throw new EndpointException(EndpointException.Kind.UNREACHABLE, lastProblem + " after " + attempt + " tries", e);
                }
                sleep(wait);
                wait = wait.multipliedBy(2);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("request to " + uri + " cancelled");
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return response;
            }
            if (status == 401 || status == 403) {
                throw new EndpointException(EndpointException.Kind.UNAUTHORIZED, endpoint.key()
                        .map(k -> "endpoint " + endpoint.baseUri() + " refused the API key from " + k.source() + " (HTTP " + status + ")")
                        .orElse("endpoint " + endpoint.baseUri() + " wants an API key (HTTP " + status
                                + "): name the variable that holds it (--api-key-env)"));
            }
            String message = serverMessage(response);
            if (status == 404 && message.toLowerCase(java.util.Locale.ROOT).contains("model")) {
                throw new EndpointException(EndpointException.Kind.UNKNOWN_MODEL, "endpoint " + endpoint.baseUri()
                        + " serves no model '" + endpoint.modelName() + "': " + message);
            }
            if (status == 429 || status / 100 == 5) {
                lastProblem = "endpoint " + uri + " answered HTTP " + status + (message.isEmpty() ? "" : ": " + message);
                if (attempt >= endpoint.maxAttempts()) {
                    throw new EndpointException(EndpointException.Kind.SERVER_ERROR, lastProblem + " (" + attempt + " tries)");
                }
                sleep(retryAfter(response).orElse(wait));
                wait = wait.multipliedBy(2);
                continue;
            }
            throw new EndpointException(EndpointException.Kind.BAD_RESPONSE, "endpoint " + uri + " answered HTTP " + status
                    + (message.isEmpty() ? "" : ": " + message));
        }
    }

    private JsonNode body(HttpResponse<String> response, String path) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new EndpointException(EndpointException.Kind.BAD_RESPONSE, "endpoint " + endpoint.resolve(path)
                    + " answered with something other than JSON: " + abbreviate(response.body()), e);
        }
    }

    private String serverMessage(HttpResponse<String> response) {
        try {
            JsonNode error = json.readTree(response.body()).path("error");
            String m = error.isTextual() ? error.asText() : error.path("message").asText("");
            return m.isEmpty() ? abbreviate(response.body()) : abbreviate(m);
        } catch (IOException e) {
            return abbreviate(response.body());
        }
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                Duration d = Duration.ofSeconds(Long.parseLong(v.strip()));
                return java.util.Optional.of(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("cancelled while waiting to retry");
        }
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return one.length() <= 200 ? one : one.substring(0, 200) + "…";
    }

    @Override
    public void close() {
        requests.shutdownNow();
    }

    @Override
    public String toString() {
        return "OpenAiTextGenerator[" + endpoint.baseUri() + ", " + endpoint.modelName() + ", " + endpoint.api().key() + "]";
    }
}
