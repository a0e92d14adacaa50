package taiyi.workbench.inference.remote;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A bearer key for an endpoint. Its text leaves this class only as the {@code Authorization}
 * header: {@link #toString()} hides it, and errors name where it came from (the variable), never it.
 */
public final class ApiKey {

    private final String secret;
    private final String source;

    private ApiKey(String secret, String source) {
        this.secret = secret;
        this.source = source;
    }

    /**
     * The key held by an environment variable.
     *
     * @throws IllegalArgumentException naming the variable when it is unset or blank
     */
    public static ApiKey fromEnvironment(String variable) {
        return fromEnvironment(variable, System::getenv);
    }

    static ApiKey fromEnvironment(String variable, Function<String, String> environment) {
        Objects.requireNonNull(variable, "variable");
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the API key variable " + variable + " is not set");
        }
        return new ApiKey(value.strip(), "environment variable " + variable);
    }

    /** A key from elsewhere (the workbench's secure storage), described by {@code source} in errors. */
    public static ApiKey of(String secret, String source) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the API key from " + source + " is empty");
        }
        return new ApiKey(secret.strip(), source);
    }

    /** The key of a variable when one is named, else none. */
    public static Optional<ApiKey> optionalFromEnvironment(String variable) {
        return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(fromEnvironment(variable.strip()));
    }

    /**
     * The key of the workbench's server: the environment variable's when one is named and set, else
     * the stored one, else none. The environment wins so that a shell, or a lab's login script, can
     * use another key for a session without touching the stored one, as the CLI (which reads only the
     * environment) does.
     *
     * @param variable the variable named in the preferences; null or blank for none
     * @param stored the key in secure storage, asked only when the environment has none
     * @throws IllegalArgumentException naming the variable when it is named but unset and no key is stored
     */
    public static Optional<ApiKey> fromEnvironmentOrStored(String variable, Supplier<Optional<ApiKey>> stored) {
        return fromEnvironmentOrStored(variable, System::getenv, stored);
    }

    static Optional<ApiKey> fromEnvironmentOrStored(String variable, Function<String, String> environment,
            Supplier<Optional<ApiKey>> stored) {
        boolean named = variable != null && !variable.isBlank();
        if (named) {
            String value = environment.apply(variable.strip());
            if (value != null && !value.isBlank()) {
                return Optional.of(new ApiKey(value.strip(), "environment variable " + variable.strip()));
            }
        }
        Optional<ApiKey> kept = stored.get();
        if (kept.isEmpty() && named) {
            throw new IllegalArgumentException("the API key variable " + variable.strip() + " is not set, and no key is stored");
        }
        return kept;
    }

    /** Where the key came from, for messages: e.g. {@code environment variable TAIYI_API_KEY}. */
    public String source() {
        return source;
    }

    String authorizationHeader() {
        return "Bearer " + secret;
    }

    /**
     * Whether {@code presented} is this key, in time that does not depend on where they differ (the
     * server's check: a timing side channel must not spell the key out).
     */
    public boolean matches(String presented) {
        byte[] a = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] b = presented == null ? new byte[0] : presented.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.security.MessageDigest.isEqual(a, b);
    }

    /** Whether an {@code Authorization} header carries this key as a bearer token, in constant time. */
    public boolean matchesHeader(String authorization) {
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : "";
        return matches(presented);
    }

    @Override
    public String toString() {
        return "ApiKey[from " + source + "]";
    }
}
