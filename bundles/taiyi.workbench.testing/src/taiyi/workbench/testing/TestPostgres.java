package taiyi.workbench.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server the tests run on: the one {@code releng/postgres-for-tests.sh} starts on
 * 127.0.0.1, its JDBC URL in {@value #URL_VARIABLE} and its user and password in
 * {@code TAIYI_DB_USER} and {@code TAIYI_DB_PASSWORD} (the variables the CLI reads). Each test
 * gets a fresh schema of its database, so tests never see each other's rows.
 *
 * <p>Without a server a test that asks for one is skipped, saying why, unless
 * {@value #REQUIRED_VARIABLE} is {@code true}, as {@code .ci/run} sets it: then it fails.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "TAIYI_TEST_POSTGRES";
    public static final String REQUIRED_VARIABLE = "TAIYI_TEST_POSTGRES_REQUIRED";
    public static final String USER_VARIABLE = "TAIYI_DB_USER";
    public static final String PASSWORD_VARIABLE = "TAIYI_DB_PASSWORD";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private TestPostgres() {
    }

    /**
     * The JDBC URL of a new, empty schema on the test server ({@code ...?currentSchema=NAME});
     * skips or fails the calling test when there is no server.
     */
    public static String newSchema() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String reason = "no PostgreSQL test server: " + URL_VARIABLE + " is not set (run releng/postgres-for-tests.sh and "
                    + "source the env file it writes)";
            if (Boolean.parseBoolean(System.getenv(REQUIRED_VARIABLE))) {
                throw new AssertionError(reason + ", and " + REQUIRED_VARIABLE + " says the PostgreSQL tests must run");
            }
            Assumptions.abort(reason);
        }
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet() + "_"
                + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(System.getenv(USER_VARIABLE));
        ds.setPassword(System.getenv(PASSWORD_VARIABLE));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError("cannot make schema " + schema + " on " + url + ": " + e.getMessage(), e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
