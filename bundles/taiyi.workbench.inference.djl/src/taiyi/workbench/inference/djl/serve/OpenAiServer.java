package taiyi.workbench.inference.djl.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import taiyi.workbench.inference.PromptPiece;
import taiyi.workbench.inference.djl.qwen.ContinuousDecoder;
import taiyi.workbench.inference.djl.qwen.QwenModel;
import taiyi.workbench.inference.djl.tokenizer.QwenSpecialTokens;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;

/**
 * The OpenAI-compatible HTTP face of a loaded model. Each request has its own HTTP thread, which
 * parses it, queues it on the shared {@link ContinuousDecoder} and writes the answer (one JSON
 * object, or server-sent events when {@code stream} is true). Sampling parameters are accepted and
 * ignored: the decoder is greedy, as annotation wants. {@code logprobs} reports at most the chosen
 * token and its runner-up, which is what the decoder computes.
 */
public final class OpenAiServer implements AutoCloseable {

    private final ServeSettings settings;
    private final QwenTokenizer tokenizer;
    private final ContinuousDecoder decoder;
    private final HttpServer http;
    private final ExecutorService threads;
    private final ObjectMapper json = new ObjectMapper();
    private final long created = System.currentTimeMillis() / 1000;
    private final AtomicLong served = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);

    private OpenAiServer(ServeSettings settings, QwenModel model, QwenTokenizer tokenizer) throws IOException {
        this.settings = settings;
        this.tokenizer = tokenizer;
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
        this.decoder = new ContinuousDecoder(model, settings.maxRows());
        this.http = HttpServer.create(address, 128);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "taiyi-serve-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(threads);
        http.createContext("/health", this::health);
        http.createContext("/v1/models", ex -> guarded(ex, this::models));
        http.createContext("/v1/completions", ex -> guarded(ex, e -> complete(e, false)));
        http.createContext("/v1/chat/completions", ex -> guarded(ex, e -> complete(e, true)));
        http.createContext("/", ex -> guarded(ex, e -> error(e, 404, "not_found", "no such endpoint: " + e.getRequestURI().getPath())));
    }

    /**
     * Starts serving a loaded model.
     *
     * @throws IllegalArgumentException for a non-loopback host without an API key, or an unknown host
     * @throws IOException when the port cannot be bound
     */
    public static OpenAiServer start(ServeSettings settings, QwenModel model, QwenTokenizer tokenizer) throws IOException {
        OpenAiServer server = new OpenAiServer(settings, model, tokenizer);
        server.decoder.start();
        server.http.start();
        return server;
    }

    /** The port it listens on (the one chosen when the settings said 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://host:port/v1}. */
    public String baseUrl() {
        String host = http.getAddress().getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/v1";
    }

    /** Rows decoding now (a stream whose client left frees its row before the next step). */
    public int activeRows() {
        return decoder.activeRows();
    }

    /** Tokens the decoder generated so far, for all requests. */
    public long generatedTokens() {
        return decoder.generatedTokens();
    }

    /** Requests answered so far. */
    public long served() {
        return served.get();
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** Checks the key (in constant time) and turns a handler's failure into an OpenAI-style error. */
    private void guarded(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            if (settings.key().isPresent() && !settings.key().get().matchesHeader(exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(exchange, 401, "invalid_api_key", "missing or wrong API key");
                return;
            }
            try {
                handler.handle(exchange);
            } catch (BadRequest e) {
                error(exchange, e.status, e.code, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away; nothing to answer
            } catch (RuntimeException e) {
                error(exchange, 500, "internal_error", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            ObjectNode body = json.createObjectNode().put("status", "ok").put("model", settings.modelName())
                    .put("active_rows", decoder.activeRows()).put("waiting", decoder.waitingRequests())
                    .put("max_rows", decoder.maxRows()).put("served", served.get());
            send(exchange, 200, body);
        }
    }

    private void models(HttpExchange exchange) throws IOException {
        ObjectNode body = json.createObjectNode().put("object", "list");
        body.putArray("data").addObject().put("id", settings.modelName()).put("object", "model").put("created", created)
                .put("owned_by", "taiyi-workbench");
        send(exchange, 200, body);
    }

    private void complete(HttpExchange exchange, boolean chat) throws IOException, InterruptedException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new BadRequest(405, "method_not_allowed", exchange.getRequestURI().getPath() + " takes POST");
        }
        JsonNode request;
        try (InputStream in = exchange.getRequestBody()) {
            request = json.readTree(in);
        } catch (IOException e) {
            throw new BadRequest(400, "invalid_json", "the request body is not JSON: " + e.getMessage());
        }
        if (request == null || !request.isObject()) {
            throw new BadRequest(400, "invalid_json", "the request body must be a JSON object");
        }
        String model = request.path("model").asText("");
        if (!settings.modelName().equals(model)) {
            throw new BadRequest(404, "model_not_found", "The model `" + model + "` does not exist (this server serves `"
                    + settings.modelName() + "`)");
        }
        if (request.path("n").asInt(1) != 1) {
            throw new BadRequest(400, "invalid_request", "n must be 1: the decoder is greedy");
        }
        List<PromptPiece> pieces;
        int[] promptIds = null;
        Set<Integer> stopIds = new HashSet<>();
        stopIds.add(tokenizer.specialId(QwenSpecialTokens.END_OF_TEXT));
        if (chat) {
            List<String[]> messages = new ArrayList<>();
            for (JsonNode m : request.path("messages")) {
                messages.add(new String[] {m.path("role").asText("user"), content(m.path("content"))});
            }
            if (messages.isEmpty()) {
                throw new BadRequest(400, "invalid_request", "messages is empty");
            }
            pieces = PromptEncoding.chat(messages);
            stopIds.add(tokenizer.specialId(QwenSpecialTokens.IM_END));
        } else {
            JsonNode prompt = request.path("prompt");
            if (prompt.isArray() && prompt.size() == 1 && !prompt.get(0).isNumber()) {
                prompt = prompt.get(0);
            }
            if (prompt.isArray() && prompt.size() > 0 && prompt.get(0).isNumber()) {
                // token ids, as vLLM takes them
                promptIds = new int[prompt.size()];
                for (int i = 0; i < promptIds.length; i++) {
                    promptIds[i] = prompt.get(i).asInt(-1);
                    if (promptIds[i] < 0 || promptIds[i] >= tokenizer.vocabularySize()) {
                        throw new BadRequest(400, "invalid_request", "prompt token " + i + " (" + prompt.get(i)
                                + ") is outside the vocabulary of " + tokenizer.vocabularySize());
                    }
                }
                pieces = List.of();
            } else if (!prompt.isTextual() || prompt.asText().isEmpty()) {
                throw new BadRequest(400, "invalid_request", "prompt must be one non-empty string, or token ids");
            } else {
                pieces = PromptEncoding.raw(prompt.asText());
            }
        }
        List<String> stopStrings = new ArrayList<>();
        JsonNode stop = request.path("stop");
        List<JsonNode> stops = new ArrayList<>();
        if (stop.isArray()) {
            stop.forEach(stops::add);
        } else {
            stops.add(stop);
        }
        for (JsonNode s : stops) {
            if (s.isTextual()) {
                String word = s.asText();
                if (word.equals(QwenSpecialTokens.END_OF_TEXT) || word.equals(QwenSpecialTokens.IM_START)
                        || word.equals(QwenSpecialTokens.IM_END)) {
                    stopIds.add(tokenizer.specialId(word));
                } else {
                    stopStrings.add(word);
                }
            }
        }
        int maxTokens = request.path(chat && request.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens")
                .asInt(chat ? 512 : 16);
        int topLogprobs;
        if (chat) {
            topLogprobs = request.path("logprobs").asBoolean(false) ? Math.max(1, request.path("top_logprobs").asInt(0)) : -1;
        } else {
            topLogprobs = request.path("logprobs").isNumber() ? request.path("logprobs").asInt() : -1;
        }
        boolean stream = request.path("stream").asBoolean(false);
        int[] ids = promptIds != null ? promptIds : PromptEncoding.ids(tokenizer, pieces);
        ServedCompletion completion = new ServedCompletion(tokenizer, ids, maxTokens, stopIds, stopStrings);
        try {
            decoder.submit(completion);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "invalid_request", e.getMessage());
        } catch (IllegalStateException e) {
            throw new BadRequest(503, "shutting_down", e.getMessage());
        }
        String id = (chat ? "chatcmpl-" : "cmpl-") + UUID.randomUUID();
        ServedAnswer answer = new ServedAnswer(json, tokenizer, id, settings.modelName(), created, chat, topLogprobs);
        if (stream) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            if (chat) {
                event(out, answer.chatRoleChunk());
            }
            String finish;
            try {
                finish = completion.run((delta, from, tokens) -> event(out, answer.chunk(delta, from, tokens)));
            } catch (RuntimeException e) {
                ObjectNode error = json.createObjectNode();
                error.putObject("error").put("message", e.getMessage()).put("type", "server_error");
                event(out, error);
                throw new IOException("stream ended by a model failure", e);
            }
            event(out, answer.finalChunk(finish, completion));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } else {
            String finish = completion.run(answer::collect);
            send(exchange, 200, answer.whole(finish, completion));
        }
        served.incrementAndGet();
    }

    private static String content(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        // the array form: text parts joined
        StringBuilder out = new StringBuilder();
        content.forEach(part -> out.append(part.path("text").asText("")));
        return out.toString();
    }

    private void event(OutputStream out, JsonNode chunk) throws IOException {
        out.write(("data: " + json.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.putObject("error").put("message", message).put("type", status >= 500 ? "server_error" : "invalid_request_error")
                .put("code", code);
        try {
            send(exchange, status, body);
        } catch (IOException e) {
            // headers already sent (a stream) or the client left
        }
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A request the server refuses, with its HTTP status and OpenAI error code. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        BadRequest(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    /** Stops listening at once and ends the decoder; requests in flight fail. */
    @Override
    public void close() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        http.stop(0);
        decoder.close();
        threads.shutdownNow();
    }
}
