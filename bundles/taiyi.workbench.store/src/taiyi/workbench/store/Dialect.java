package taiyi.workbench.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What differs between the two databases the store runs on. The migrations are written once, in
 * SQL both accept; the few words one of them spells differently are rewritten here as each
 * statement runs (the checksum stays that of the file, so both databases record the same one).
 */
enum Dialect {

    H2 {
        @Override
        String metadataName(String name) {
            return name.toUpperCase(Locale.ROOT);
        }

        @Override
        int readIsolation() {
            // H2 takes the snapshot of every table at the first statement only for SERIALIZABLE
            return Connection.TRANSACTION_SERIALIZABLE;
        }

        @Override
        String translate(String statement) {
            return statement;
        }
    },

    POSTGRESQL {
        @Override
        String metadataName(String name) {
            return name.toLowerCase(Locale.ROOT);
        }

        @Override
        int readIsolation() {
            // one snapshot for the whole transaction; SERIALIZABLE would add read-only aborts for nothing
            return Connection.TRANSACTION_REPEATABLE_READ;
        }

        @Override
        String translate(String statement) {
            String out = statement;
            for (String[] rewrite : POSTGRESQL_REWRITES) {
                out = Pattern.compile(rewrite[0], Pattern.CASE_INSENSITIVE).matcher(out).replaceAll(rewrite[1]);
            }
            return out;
        }

        @Override
        void lockSchema(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + SCHEMA_LOCK + ")");
            }
        }

        @Override
        void unlockSchema(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_unlock(" + SCHEMA_LOCK + ")");
            }
        }
    };

    /** H2 type names PostgreSQL spells otherwise (a migration may use either database's). */
    private static final String[][] POSTGRESQL_REWRITES = {
        {"\\bCLOB\\b", "TEXT"},
        {"\\bBLOB\\b", "BYTEA"},
        {"\\bTINYINT\\b", "SMALLINT"},
        {"\\bDOUBLE\\b(?!\\s+PRECISION)", "DOUBLE PRECISION"},
        {"\\bVARCHAR_IGNORECASE\\b", "VARCHAR"},
    };
    /** An arbitrary advisory-lock key that serialises migrations of one database across processes. */
    private static final long SCHEMA_LOCK = 0x7461697969L;

    /** The database a connection talks to. */
    static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        if ("H2".equals(product)) {
            return H2;
        }
        if ("PostgreSQL".equals(product)) {
            return POSTGRESQL;
        }
        throw new SQLException("the store runs on H2 or PostgreSQL, not " + product);
    }

    /** A table or column name as the database's metadata stores an unquoted one. */
    abstract String metadataName(String name);

    /** The isolation level under which a read sees one snapshot of every table. */
    abstract int readIsolation();

    /** A migration statement as this database wants it. */
    abstract String translate(String statement);

    /** Keeps other processes from migrating the same database at once (held until {@link #unlockSchema}). */
    void lockSchema(Connection c) throws SQLException {
        // H2 locks the tables a migration changes; two processes opening one new file wait on each other there
    }

    void unlockSchema(Connection c) throws SQLException {
    }

    /** The generated-key column names to ask an insert for, as the driver wants them spelled. */
    String[] idColumn() {
        return new String[] {metadataName("id")};
    }
}
