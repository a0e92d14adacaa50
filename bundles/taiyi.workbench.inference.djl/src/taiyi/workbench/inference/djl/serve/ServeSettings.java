package taiyi.workbench.inference.djl.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

import taiyi.workbench.inference.remote.ApiKey;

/**
 * Where and how {@code taiyi serve} listens.
 *
 * @param host the address to bind; loopback unless an API key is set
 * @param port the port, 0 for any free one
 * @param modelName the name clients pass as {@code model} (default: the model folder's name)
 * @param apiKey the key clients must present as a bearer token, or null
 * @param maxRows requests decoded side by side; more wait for a free row
 */
public record ServeSettings(String host, int port, String modelName, ApiKey apiKey, int maxRows) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    public static final int DEFAULT_MAX_ROWS = 32;

    public ServeSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(modelName, "modelName");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("the batch must hold at least 1 row, was " + maxRows);
        }
    }

    public Optional<ApiKey> key() {
        return Optional.ofNullable(apiKey);
    }

    /**
     * Checks the address before anything is loaded.
     *
     * @throws IllegalArgumentException for an unknown host, or a non-loopback one without an API key
     */
    public void checkAddress() {
        bindAddress();
    }

    /**
     * The address to bind.
     *
     * @throws IllegalArgumentException for an unknown host, or a non-loopback one without an API key
     */
    InetAddress bindAddress() {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'", e);
        }
        if (!address.isLoopbackAddress() && apiKey == null) {
            throw new IllegalArgumentException("refusing to serve on " + host + " without an API key: anyone who reaches "
                    + "it could use the model; set one with --api-key-env VAR, or bind " + DEFAULT_HOST);
        }
        return address;
    }
}
