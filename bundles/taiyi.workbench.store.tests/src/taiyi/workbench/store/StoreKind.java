package taiyi.workbench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two databases every store test runs on, as the parameter of {@code @EnumSource(StoreKind.class)}:
 * an embedded H2 folder, and PostgreSQL, where each test gets a fresh schema of the test server's
 * database.
 *
 * <p>The PostgreSQL server is the one {@code releng/postgres-for-tests.sh} starts: its JDBC URL in
 * {@value #URL_VARIABLE}, its user and password in {@code TAIYI_DB_USER} and
 * {@code TAIYI_DB_PASSWORD} (the variables the CLI reads). Without it the PostgreSQL runs are
 * skipped, saying why, unless {@value #REQUIRED_VARIABLE} is {@code true}, as CI sets it: then the
 * absence fails them.
 */
enum StoreKind {

    H2 {
        @Override
        StoreLocation newDatabase(Path tmp) {
            return StoreLocation.folder(tmp.resolve("db"));
        }
    },

    POSTGRESQL {
        @Override
        StoreLocation newDatabase(Path tmp) {
            String url = System.getenv(URL_VARIABLE);
            if (url == null || url.isBlank()) {
                String reason = "no PostgreSQL test server: " + URL_VARIABLE + " is not set (run releng/postgres-for-tests.sh "
                        + "and source the env file it names)";
                if (Boolean.parseBoolean(System.getenv(REQUIRED_VARIABLE))) {
                    throw new AssertionError(reason + ", and " + REQUIRED_VARIABLE + " says the PostgreSQL tests must run");
                }
                Assumptions.abort(reason);
            }
            String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet() + "_"
                    + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
            StoreLocation server = StoreLocation.server(url, System.getenv(StoreLocation.USER_VARIABLE),
                    System.getenv(StoreLocation.PASSWORD_VARIABLE), tmp.resolve("local"));
            try (Connection c = dataSource(server).getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new AssertionError("cannot make schema " + schema + " on " + url + ": " + e.getMessage(), e);
            }
            return StoreLocation.server(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    server.user(), server.password(), tmp.resolve("local"));
        }
    };

    static final String URL_VARIABLE = "TAIYI_TEST_POSTGRES";
    static final String REQUIRED_VARIABLE = "TAIYI_TEST_POSTGRES_REQUIRED";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    /** A new, empty database of this kind (nothing is created until a store opens it). */
    abstract StoreLocation newDatabase(Path tmp);

    /**
     * Plain connections to the database a store at {@code location} opens, by the same URL and
     * user, without the store: to build databases as older versions left them.
     */
    static javax.sql.DataSource dataSource(StoreLocation location) {
        if (location.isServer()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(location.url());
            ds.setUser(location.user());
            ds.setPassword(location.password());
            return ds;
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + location.localFolder().toAbsolutePath().resolve("taiyi") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        // the user of a database made before passwords
        ds.setUser(DatabasePassword.USER);
        ds.setPassword("");
        return ds;
    }

    /** The location as a child process takes it on its command line: the folder or the URL. */
    static String argument(StoreLocation location) {
        return location.toString();
    }

    @Override
    public String toString() {
        return this == H2 ? "H2" : "PostgreSQL";
    }
}
