package taiyi.workbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import taiyi.workbench.core.curation.AnnotationSet;
import taiyi.workbench.core.model.AnnotationLayer;
import taiyi.workbench.core.model.Document;

/**
 * Brings a database schema to the newest version by applying {@code V<n>__<description>.sql}
 * resources in order, Flyway-style. Each applied migration is recorded in {@code schema_history}
 * with a SHA-256 checksum, so an edited migration that already ran is detected instead of silently
 * diverging. Each migration runs in its own transaction.
 *
 * <p>The resources are listed in {@code db/migration/index.txt} because a bundle's class loader
 * cannot enumerate a folder.
 *
 * <p>The same migrations run on H2 and PostgreSQL: what the two spell differently is rewritten per
 * statement by the {@link Dialect}, and on PostgreSQL an advisory lock keeps two processes that open
 * a new database at once from migrating it twice.
 */
public final class SchemaMigrator {

    static final String LOCATION = "db/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    /** One migration resource. */
    record Migration(int version, String description, String sql, String checksum) {
    }

    private final ClassLoader loader;

    public SchemaMigrator(ClassLoader loader) {
        this.loader = loader;
    }

    /** The migrations this build carries, by version. */
    List<Migration> available() {
        String index = resource(LOCATION + "index.txt");
        Map<Integer, Migration> byVersion = new TreeMap<>();
        for (String name : index.split("\\R")) {
            if (name.isBlank()) {
                continue;
            }
            Matcher m = NAME.matcher(name.trim());
            if (!m.matches()) {
                throw new StoreException(LOCATION + "index.txt: '" + name + "' is not named V<n>__<description>.sql");
            }
            int version = Integer.parseInt(m.group(1));
            String sql = resource(LOCATION + name.trim());
            if (byVersion.put(version, new Migration(version, m.group(2), sql, sha256(sql))) != null) {
                throw new StoreException(LOCATION + "index.txt: two migrations with version " + version);
            }
        }
        int expected = 1;
        for (int v : byVersion.keySet()) {
            if (v != expected++) {
                throw new StoreException(LOCATION + ": migration versions must be 1, 2, 3, … without gaps; found " + byVersion.keySet());
            }
        }
        return new ArrayList<>(byVersion.values());
    }

    /** The newest migration applied to the database, 0 for a new one. */
    public static int currentVersion(Connection connection) throws SQLException {
        Dialect dialect = Dialect.of(connection);
        // the connection's own schema only: a PostgreSQL database may hold other stores in other schemas
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(),
                dialect.metadataName("schema_history"), null)) {
            if (!tables.next()) {
                return 0;
            }
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_history")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Applies what is missing; returns the schema version afterwards. */
    public int migrate(Connection connection) throws SQLException {
        return migrate(connection, Integer.MAX_VALUE);
    }

    /**
     * Brings a database up to date: the schema ({@link #migrate(Connection)}), then the data the
     * schema changes call for. Opening a store runs this.
     *
     * @return the schema version afterwards
     */
    public int bringUpToDate(Connection connection) throws SQLException {
        int version = migrate(connection);
        startMissingLogs(connection);
        return version;
    }

    /** Applies what is missing up to {@code target} (to build databases of older versions in tests). */
    int migrate(Connection connection, int target) throws SQLException {
        List<Migration> migrations = available().stream().filter(m -> m.version() <= target).toList();
        Dialect dialect = Dialect.of(connection);
        boolean autoCommit = connection.getAutoCommit();
        dialect.lockSchema(connection);
        connection.setAutoCommit(false);
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_history (version INT PRIMARY KEY, description VARCHAR(200) NOT NULL, "
                        + "checksum CHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL)");
            }
            connection.commit();
            Map<Integer, String> applied = new TreeMap<>();
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT version, checksum FROM schema_history")) {
                while (rs.next()) {
                    applied.put(rs.getInt(1), rs.getString(2));
                }
            }
            int newest = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
            int known = available().size();
            for (int v : applied.keySet()) {
                if (v > known) {
                    throw new StoreException("the database has schema version " + v + ", newer than this workbench knows ("
                            + known + "); use a newer workbench");
                }
            }
            for (Migration m : migrations) {
                String done = applied.get(m.version());
                if (done != null) {
                    if (!done.equals(m.checksum())) {
                        throw new StoreException("migration V" + m.version() + "__" + m.description()
                                + " was changed after it was applied to this database (checksum differs)");
                    }
                    continue;
                }
                apply(connection, dialect, m);
            }
            return newest;
        } finally {
            connection.setAutoCommit(autoCommit);
            dialect.unlockSchema(connection);
        }
    }

    private static void apply(Connection connection, Dialect dialect, Migration m) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String statement : statements(m.sql())) {
                st.execute(dialect.translate(statement));
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO schema_history (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                ps.setInt(1, m.version());
                ps.setString(2, m.description());
                ps.setString(3, m.checksum());
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("migration V" + m.version() + "__" + m.description() + " failed: " + e.getMessage(), e);
        }
    }

    /** Splits a script on semicolons that end a line, after dropping {@code --} comment lines. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String s = current.toString().strip();
                out.add(s.substring(0, s.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private String resource(String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new StoreException("migration resource " + name + " is missing from the store bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration resource " + name, e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A version-1 database has curated annotations but no correction log: each document's log starts
     * with an IMPORT of what it holds, so its curated layer is the fold of its log like any other.
     *
     * <p>This runs on every open, not only right after the V2 migration: the migration commits
     * before this step does, so a process that dies in between leaves a version-2 database whose
     * older documents have no log, and they must still get one on the next open. Documents imported
     * since have their IMPORT from the start, so the query finds nothing there.
     */
    private static void startMissingLogs(Connection c) throws SQLException {
        List<Object[]> docs = new ArrayList<>();
        Jdbc.query(c, "SELECT d.id, d.external_id, c.name FROM document d JOIN corpus c ON d.corpus_id = c.id "
                + "WHERE NOT EXISTS (SELECT 1 FROM correction_event e WHERE e.document_id = d.id) ORDER BY d.id",
                ps -> { }, rs -> docs.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}));
        if (docs.isEmpty()) {
            return;
        }
        c.setAutoCommit(false);
        try {
            DocumentLoader loader = new DocumentLoader(c);
            CorrectionLog log = new CorrectionLog(c, new EventCache());
            for (Object[] d : docs) {
                long docId = (Long) d[0];
                // another process opening the same database may be starting the same logs: the row
                // lock orders us, and whoever comes second finds the log there and leaves it alone
                log.lock(docId);
                boolean[] started = {false};
                Jdbc.query(c, "SELECT 1 FROM correction_event WHERE document_id = ?", ps -> ps.setLong(1, docId),
                        rs -> started[0] = true);
                if (started[0]) {
                    continue;
                }
                Document doc = loader.load((String) d[2], (String) d[1], AnnotationLayer.CURATED).orElseThrow();
                log.startLog(docId, doc.id(), new AnnotationSet(doc.mentions(), doc.relations()), "migration",
                        "schema-migration:V2");
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
