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

import org.h2.jdbcx.JdbcDataSource;

import taiyi.workbench.core.runtime.PrivateFolder;

/**
 * The corpus database in one folder: an embedded H2 file database, migrated to the newest schema
 * when opened.
 *
 * <p>{@code AUTO_SERVER} lets the headless CLI open the database while the workbench holds it; its
 * server listens on the loopback address only ({@link LoopbackServer}). The folder is private to
 * its owner ({@code 0700}, the files {@code 0600}) and the database has a random password of its own
 * ({@link DatabasePassword}). The
 * H2 data source is used directly rather than through {@code DriverManager}, which cannot see
 * drivers across OSGi bundle class loaders.
 *
 * <p>An open store holds one connection until {@link #close()}: H2 closes a file database when its
 * last connection closes (compacting it for up to 200 ms) and opens it again on the next, so
 * without it every call paid a whole database open and close (40–250 ms a correction).
 */
public final class CorpusStore implements AutoCloseable {

    private static final String DATABASE_NAME = "taiyi";

    static {
        // before any H2 class loads: see LoopbackServer
        LoopbackServer.prepare();
    }

    private final Path folder;
    private final JdbcDataSource dataSource;
    private final int schemaVersion;
    /** The parsed logs of recently used documents (static helpers that open no store pass a fresh one). */
    private final EventCache events = new EventCache();
    private final List<StoreChangeListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Keeps the database open while the store is; see the class comment. */
    private final Connection keepOpen;
    private final List<String> privacyWarnings;

    private final DocumentStore documents = new DocumentStore(this);
    private final SuggestionStore suggestions = new SuggestionStore(this);
    private final CorrectionStore log = new CorrectionStore(this);
    private final StatisticsStore statistics = new StatisticsStore(this);
    private final LearningRecordStore learningRecords = new LearningRecordStore(this);

    private CorpusStore(Path folder, JdbcDataSource dataSource, int schemaVersion, Connection keepOpen, List<String> privacyWarnings) {
        this.privacyWarnings = List.copyOf(privacyWarnings);
        this.folder = folder;
        this.dataSource = dataSource;
        this.schemaVersion = schemaVersion;
        this.keepOpen = keepOpen;
    }

    /** Opens (creating if needed) the database in {@code folder} and migrates its schema. */
    public static CorpusStore open(Path folder) {
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
            return new CorpusStore(folder, ds, version, c, privacyWarnings);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c, e);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot open the database in " + folder + ": " + e.getMessage(), e);
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

    public Path folder() {
        return folder;
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
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO corpus (name, created_at) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
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
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
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

    /** Lets the database close (H2 closes it when its last connection closes). */
    @Override
    public void close() {
        try {
            keepOpen.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the database in " + folder + ": " + e.getMessage(), e);
        }
    }
}
