package taiyi.workbench.inference.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach an OpenAI-compatible server.
 *
 * @param baseUri the API's root, e.g. {@code http://gpu-box:8000/v1} ({@code /v1} is added when missing)
 * @param modelName the model the server serves (vLLM: {@code --served-model-name}, or a LoRA's name)
 * @param api which endpoint to call
 * @param apiKey the bearer key, or null for a server without one
 * @param requestTimeout how long one request may take before it counts as failed
 * @param maxConcurrentRequests requests in flight at once
 * @param maxAttempts tries per request on 429 and 5xx (1 = no retry)
 * @param firstBackoff the wait before the second try; it doubles with each further one
 */
public record OpenAiEndpoint(URI baseUri, String modelName, Api api, ApiKey apiKey, Duration requestTimeout,
        int maxConcurrentRequests, int maxAttempts, Duration firstBackoff) {

    /** The two APIs: raw prompts in the model's template, or chat messages the server lays out. */
    public enum Api {
        /** {@code /v1/completions}: the prompt as Taiyi's template writes it (how Taiyi must be served) */
        COMPLETIONS,
        /** {@code /v1/chat/completions}: the prompt's ChatML turns as messages */
        CHAT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Api parse(String word) {
            for (Api a : values()) {
                if (a.name().equalsIgnoreCase(word == null ? "" : word.strip())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown API '" + word + "' (expected completions or chat)");
        }
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int DEFAULT_ATTEMPTS = 4;
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);

    public OpenAiEndpoint {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        if (!"http".equalsIgnoreCase(baseUri.getScheme()) && !"https".equalsIgnoreCase(baseUri.getScheme())) {
            throw new IllegalArgumentException("endpoint " + baseUri + " is not an http:// or https:// URL");
        }
        if (baseUri.getHost() == null) {
            throw new IllegalArgumentException("endpoint " + baseUri + " names no host");
        }
        if (modelName.isBlank()) {
            throw new IllegalArgumentException("endpoint " + baseUri + ": the model name is empty");
        }
        String path = baseUri.getPath() == null ? "" : baseUri.getPath().replaceAll("/+$", "");
        if (!path.endsWith("/v1")) {
            path = path + "/v1";
        }
        baseUri = baseUri.resolve(path);
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, was " + maxConcurrentRequests);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** An endpoint with the default timeout, concurrency and retries. */
    public static OpenAiEndpoint of(String url, String modelName, Api api, ApiKey apiKey) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(url, "url").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint '" + url + "' is not a URL: " + e.getMessage(), e);
        }
        return new OpenAiEndpoint(uri, modelName, api, apiKey, DEFAULT_TIMEOUT, DEFAULT_CONCURRENCY, DEFAULT_ATTEMPTS,
                DEFAULT_BACKOFF);
    }

    public Optional<ApiKey> key() {
        return Optional.ofNullable(apiKey);
    }

    public OpenAiEndpoint withLimits(Duration timeout, int concurrency, int attempts, Duration backoff) {
        return new OpenAiEndpoint(baseUri, modelName, api, apiKey, timeout, concurrency, attempts, backoff);
    }

    /** {@code base/v1/} + {@code path}. */
    URI resolve(String path) {
        return URI.create(baseUri.toString() + "/" + path);
    }
}
