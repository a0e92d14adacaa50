package taiyi.workbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import taiyi.workbench.core.runtime.PrivateFolder;

/**
 * The corpus database: an embedded H2 file database in one folder (the default), or a PostgreSQL
 * database a team shares ({@link StoreLocation}); migrated to the newest schema when opened.
 *
 * <p>H2: {@code AUTO_SERVER} lets the headless CLI open the database while the workbench holds it;
 * its server listens on the loopback address only ({@link LoopbackServer}). The folder is private to
 * its owner ({@code 0700}, the files {@code 0600}) and the database has a random password of its own
 * ({@link DatabasePassword}). The H2 data source is used directly rather than through
 * {@code DriverManager}, which cannot see drivers across OSGi bundle class loaders. An open H2 store
 * holds one connection until {@link #close()}: H2 closes a file database when its last connection
 * closes (compacting it for up to 200 ms) and opens it again on the next, so without it every call
 * paid a whole database open and close (40–250 ms a correction).
 *
 * <p>PostgreSQL: connections come from a small pool (HikariCP over the driver's own data source),
 * since a new server connection costs a TCP and SCRAM handshake; the user and password are the
 * location's, never logged. Curators are named by their database role there.
 */
public final class CorpusStore implements AutoCloseable {

    private static final String DATABASE_NAME = "taiyi";
    /** Enough for the workbench's UI thread, its background jobs and the index follower. */
    private static final int SERVER_POOL_SIZE = 4;

    static {
        // before any H2 class loads: see LoopbackServer
        LoopbackServer.prepare();
        // HikariCP says "Starting..." at INFO through slf4j; the CLI's stderr is for the user's business
        if (System.getProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
        }
    }

    private final StoreLocation location;
    private final DataSource dataSource;
    private final Dialect dialect;
    private final int schemaVersion;
    private final String curator;
    /** The parsed logs of recently used documents (static helpers that open no store pass a fresh one). */
    private final EventCache events = new EventCache();
    private final List<StoreChangeListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Keeps the H2 database open while the store is (see the class comment), or the server pool. */
    private final AutoCloseable keepOpen;
    private final List<String> privacyWarnings;

    private final DocumentStore documents = new DocumentStore(this);
    private final SuggestionStore suggestions = new SuggestionStore(this);
    private final CorrectionStore log = new CorrectionStore(this);
    private final StatisticsStore statistics = new StatisticsStore(this);
    private final LearningRecordStore learningRecords = new LearningRecordStore(this);
    private final AdapterStore adapters = new AdapterStore(this);

    private CorpusStore(StoreLocation location, DataSource dataSource, Dialect dialect, int schemaVersion, String curator,
            AutoCloseable keepOpen, List<String> privacyWarnings) {
        this.privacyWarnings = List.copyOf(privacyWarnings);
        this.location = location;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.schemaVersion = schemaVersion;
        this.curator = curator;
        this.keepOpen = keepOpen;
    }

    /** Opens (creating if needed) the H2 database in {@code folder} and migrates its schema. */
    public static CorpusStore open(Path folder) {
        return open(StoreLocation.folder(folder));
    }

    /** Opens (creating if needed) the database at {@code location} and migrates its schema. */
    public static CorpusStore open(StoreLocation location) {
        return location.isServer() ? openServer(location) : openFolder(location);
    }

    private static CorpusStore openFolder(StoreLocation location) {
        Path folder = location.localFolder();
        List<String> privacyWarnings = new ArrayList<>();
        boolean exists = Files.exists(folder.resolve(DATABASE_NAME + ".mv.db"));
        JdbcDataSource ds = new JdbcDataSource();
        // WRITE_DELAY=0: a commit reaches the operating system before it is acknowledged, so a killed
        // process loses no acknowledged correction
        ds.setURL("jdbc:h2:file:" + folder.toAbsolutePath().resolve(DATABASE_NAME) + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        try {
            PrivateFolder.ensure(folder).ifPresent(privacyWarnings::add);
            DatabasePassword.apply(folder, ds, exists);
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open the database in " + folder + ": " + e.getMessage(), e);
        }
        Connection c = null;
        try {
            c = ds.getConnection();
            LoopbackServer.check(folder.resolve(DATABASE_NAME + ".lock.db"));
            for (String file : List.of(".mv.db", ".lock.db", ".trace.db")) {
                PrivateFolder.privateFile(folder.resolve(DATABASE_NAME + file)).ifPresent(privacyWarnings::add);
            }
            int version = new SchemaMigrator(CorpusStore.class.getClassLoader()).bringUpToDate(c);
            return new CorpusStore(location, ds, Dialect.H2, version, System.getProperty("user.name", "unknown"), c,
                    privacyWarnings);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c, e);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot open the database in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static CorpusStore openServer(StoreLocation location) {
        List<String> privacyWarnings = new ArrayList<>();
        try {
            PrivateFolder.ensure(location.localFolder()).ifPresent(privacyWarnings::add);
        } catch (IOException e) {
            throw new StoreException("cannot make the local folder " + location.localFolder() + " of " + location + ": "
                    + e.getMessage(), e);
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(location.url());
        pg.setUser(location.user());
        pg.setPassword(location.password());
        pg.setApplicationName("taiyi-workbench");
        // one multi-row INSERT per batch instead of a statement each: imports are several times faster
        pg.setReWriteBatchedInserts(true);
        HikariConfig config = new HikariConfig();
        config.setDataSource(pg);
        config.setPoolName("taiyi-store");
        config.setMaximumPoolSize(SERVER_POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StoreException("cannot connect to " + location + " as " + location.user() + ": " + cause.getMessage(), e);
        }
        try (Connection c = pool.getConnection()) {
            int version = new SchemaMigrator(CorpusStore.class.getClassLoader()).bringUpToDate(c);
            String role;
            try (Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT CURRENT_USER")) {
                rs.next();
                role = rs.getString(1);
            }
            return new CorpusStore(location, pool, Dialect.POSTGRESQL, version, role, pool, privacyWarnings);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot open the database " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * What could not be made private to the user when the store opened (a folder or file of another
     * owner, say), each naming the path; the faces show them once.
     */
    public List<String> privacyWarnings() {
        return privacyWarnings;
    }

    private static void closeQuietly(Connection c, Exception failure) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** A new connection to the database; the caller closes it. */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * The database's folder on this machine: an H2 store's own, or the private folder kept for a
     * server's (what lives beside the database, such as the search index, goes beside it).
     */
    public Path folder() {
        return location.localFolder();
    }

    /** Where the database is: its folder or its server URL (never with credentials). */
    public StoreLocation location() {
        return location;
    }

    /**
     * The name decisions made through this store are recorded under: the database role on a
     * server, where the database vouches for it, else the operating-system user.
     */
    public String curator() {
        return curator;
    }

    Dialect dialect() {
        return dialect;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** The documents of the store's corpora and their label schemas. */
    public DocumentStore documents() {
        return documents;
    }

    /** What models proposed for the store's documents. */
    public SuggestionStore suggestions() {
        return suggestions;
    }

    /** Curators' decisions on the store's documents, undo and redo. */
    public CorrectionStore log() {
        return log;
    }

    /** Counts over the store's corpora. */
    public StatisticsStore statistics() {
        return statistics;
    }

    /** Evaluations of the suggestion sources by round: the learning curve's data. */
    public LearningRecordStore learningRecords() {
        return learningRecords;
    }

    /** The adapter registry: LoRA adapters by corpus and round. */
    public AdapterStore adapters() {
        return adapters;
    }

    /** The parsed logs of recently used documents. */
    EventCache events() {
        return events;
    }

    /** The version of the H2 engine, as its JDBC driver reports it (an in-memory database answers). */
    public static String h2Version() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:");
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new StoreException("cannot start H2: " + e.getMessage(), e);
        }
    }

    static long existingDocumentId(Connection c, String corpus, String documentId) throws SQLException {
        long[] id = {-1};
        Jdbc.query(c, "SELECT d.id FROM document d JOIN corpus c ON d.corpus_id = c.id WHERE c.name = ? AND d.external_id = ?",
                ps -> {
                    ps.setString(1, corpus);
                    ps.setString(2, documentId);
                }, rs -> id[0] = rs.getLong(1));
        if (id[0] < 0) {
            throw new StoreException("no document " + documentId + " in corpus '" + corpus + "'");
        }
        return id[0];
    }

    static long existingCorpusId(Connection c, String corpus) throws SQLException {
        long id = corpusId(c, corpus, false);
        if (id < 0) {
            throw new StoreException("no corpus named '" + corpus + "' in the database");
        }
        return id;
    }

    static long corpusId(Connection c, String corpus, boolean create) throws SQLException {
        long[] found = {-1};
        Jdbc.query(c, "SELECT id FROM corpus WHERE name = ?", ps -> ps.setString(1, corpus), rs -> found[0] = rs.getLong(1));
        if (found[0] >= 0 || !create) {
            return found[0];
        }
        if (corpus.isBlank()) {
            throw new StoreException("a corpus needs a name");
        }
        try (PreparedStatement ps = Jdbc.prepareInsert(c, "INSERT INTO corpus (name, created_at) VALUES (?, ?)")) {
            ps.setString(1, corpus);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            return Jdbc.insertReturningKey(ps);
        }
    }

    /** Work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Reads in one snapshot of the whole database. A document is read by several queries (mentions,
     * then their spans, …); read committed, a correction committed between two of them tore it: a
     * MODIFY replaces the mention's rows, and the reader found the old mention without spans. H2
     * takes the snapshot of every table at the first statement for SERIALIZABLE (and SNAPSHOT), but
     * table by table as first used for REPEATABLE READ, which would not do.
     */
    <T> T read(String failure, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setTransactionIsolation(dialect.readIsolation());
            c.setAutoCommit(false);
            try {
                return work.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException(failure + ": " + e.getMessage(), e);
        }
    }

    <T> T inTransaction(String failure, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(failure + ": " + e.getMessage(), e);
        }
    }

    /** Tells {@code listener} about every committed change from now on. */
    public void addChangeListener(StoreChangeListener listener) {
        listeners.add(listener);
    }

    public void removeChangeListener(StoreChangeListener listener) {
        listeners.remove(listener);
    }

    void changed(String corpus, List<String> documentIds) {
        for (StoreChangeListener l : listeners) {
            try {
                l.documentsChanged(corpus, documentIds);
            } catch (RuntimeException e) {
                // the change is committed; a follower that fails catches up on its next rebuild
                System.getLogger(CorpusStore.class.getName()).log(System.Logger.Level.WARNING,
                        "a store listener failed on " + documentIds.size() + " documents of corpus " + corpus, e);
            }
        }
    }

    /** Lets the database close (H2 closes it when its last connection closes); a server's pool closes. */
    @Override
    public void close() {
        try {
            keepOpen.close();
        } catch (Exception e) {
            throw new StoreException("cannot close the database " + location + ": " + e.getMessage(), e);
        }
    }
}
