package taiyi.workbench.store;

import java.nio.file.Path;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import taiyi.workbench.testing.TestPostgres;

/**
 * The two databases every store test runs on, as the parameter of {@code @EnumSource(StoreKind.class)}:
 * an embedded H2 folder, and PostgreSQL, where each test gets a fresh schema of the test server's
 * database.
 *
 * <p>The PostgreSQL server is the one {@code releng/postgres-for-tests.sh} starts ({@link TestPostgres}):
 * without it the PostgreSQL runs are skipped, saying why, unless CI says they must run.
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
            return StoreLocation.server(TestPostgres.newSchema(), System.getenv(StoreLocation.USER_VARIABLE),
                    System.getenv(StoreLocation.PASSWORD_VARIABLE), tmp.resolve("local"));
        }
    };


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
