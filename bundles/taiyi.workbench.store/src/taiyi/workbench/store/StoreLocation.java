package taiyi.workbench.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import taiyi.workbench.core.runtime.WorkbenchDataFolder;

/**
 * Where a corpus database lives: a folder holding an embedded H2 database (the default), or a
 * PostgreSQL database on a server that a team shares ({@code jdbc:postgresql://host[:port]/db}).
 *
 * <p>A server's user and password never travel in the URL, a preference or a log: they come from
 * the environment ({@value #USER_VARIABLE}, {@value #PASSWORD_VARIABLE}) or, in the workbench, from
 * Eclipse secure storage, and {@link #toString()} shows the URL alone. A URL that carries a
 * password is refused, naming the variable to use instead.
 */
public final class StoreLocation {

    /** The environment variable that names the PostgreSQL user. */
    public static final String USER_VARIABLE = "TAIYI_DB_USER";
    /** The environment variable that holds the PostgreSQL password. */
    public static final String PASSWORD_VARIABLE = "TAIYI_DB_PASSWORD";
    static final String POSTGRESQL_PREFIX = "jdbc:postgresql://";

    private final Path folder;
    private final String url;
    private final String user;
    private final String password;

    private StoreLocation(Path folder, String url, String user, String password) {
        this.folder = folder;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** An embedded H2 database in {@code folder}. */
    public static StoreLocation folder(Path folder) {
        return new StoreLocation(Objects.requireNonNull(folder, "folder"), null, null, null);
    }

    /**
     * A PostgreSQL database. {@code localFolder} is a private folder on this machine for what is kept
     * beside the database (the search index follows it there), since a server has no folder here.
     */
    public static StoreLocation server(String jdbcUrl, String user, String password, Path localFolder) {
        checkServerUrl(jdbcUrl);
        if (user == null || user.isBlank()) {
            throw new StoreException(jdbcUrl + ": no database user; set " + USER_VARIABLE + " (and " + PASSWORD_VARIABLE + ")");
        }
        return new StoreLocation(Objects.requireNonNull(localFolder, "localFolder"), jdbcUrl, user,
                password == null ? "" : password);
    }

    /**
     * A folder or a {@code jdbc:postgresql://} URL as given on a command line or in a preference; a
     * server's credentials come from {@code environment} and its local folder lies in the workbench
     * data folder.
     */
    public static StoreLocation parse(String folderOrUrl, Map<String, String> environment) {
        if (folderOrUrl.startsWith("jdbc:")) {
            return server(folderOrUrl, environment.get(USER_VARIABLE), environment.get(PASSWORD_VARIABLE),
                    WorkbenchDataFolder.resolve().root().resolve("servers").resolve(localName(folderOrUrl)));
        }
        return folder(Path.of(folderOrUrl));
    }

    /** {@link #parse(String, Map)} with this process's environment. */
    public static StoreLocation parse(String folderOrUrl) {
        return parse(folderOrUrl, System.getenv());
    }

    private static void checkServerUrl(String jdbcUrl) {
        if (!jdbcUrl.startsWith(POSTGRESQL_PREFIX)) {
            throw new StoreException(jdbcUrl + ": not a database this workbench knows; give a folder (H2) or "
                    + POSTGRESQL_PREFIX + "host[:port]/database");
        }
        String query = jdbcUrl.indexOf('?') < 0 ? "" : jdbcUrl.substring(jdbcUrl.indexOf('?') + 1).toLowerCase(Locale.ROOT);
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("password=") || parameter.startsWith("user=")) {
                throw new StoreException("the database URL carries a " + parameter.substring(0, parameter.indexOf('='))
                        + "; give it in " + (parameter.startsWith("user=") ? USER_VARIABLE : PASSWORD_VARIABLE)
                        + " instead, so that it stays out of command lines, preferences and logs");
            }
        }
        if (jdbcUrl.substring(POSTGRESQL_PREFIX.length()).contains("@")) {
            throw new StoreException("the database URL carries credentials before '@'; give them in " + USER_VARIABLE
                    + " and " + PASSWORD_VARIABLE + " instead");
        }
        try {
            URI uri = new URI(jdbcUrl.substring("jdbc:".length()));
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
                throw new StoreException(jdbcUrl + ": expected " + POSTGRESQL_PREFIX + "host[:port]/database");
            }
        } catch (URISyntaxException e) {
            throw new StoreException(jdbcUrl + ": not a valid URL: " + e.getMessage(), e);
        }
    }

    /** A folder name for a server database: host, port, database and schema, nothing secret. */
    static String localName(String jdbcUrl) {
        return jdbcUrl.substring(POSTGRESQL_PREFIX.length()).replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    /** Whether this is a database server rather than an embedded folder. */
    public boolean isServer() {
        return url != null;
    }

    /**
     * The folder on this machine that belongs to the database: the H2 database's own folder, or for
     * a server the private folder kept for it.
     */
    public Path localFolder() {
        return folder;
    }

    /** The server's JDBC URL, without credentials; null for a folder. */
    public String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The folder or the URL; never a credential. */
    @Override
    public String toString() {
        return isServer() ? url : folder.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreLocation other && Objects.equals(folder, other.folder) && Objects.equals(url, other.url)
                && Objects.equals(user, other.user);
    }

    @Override
    public int hashCode() {
        return Objects.hash(folder, url, user);
    }
}
