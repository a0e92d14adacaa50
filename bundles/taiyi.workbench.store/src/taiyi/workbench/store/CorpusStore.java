package taiyi.workbench.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;

import org.h2.jdbcx.JdbcDataSource;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Language;

/**
 * The corpus database in one folder: an embedded H2 file database, migrated to the newest schema
 * when opened.
 *
 * <p>{@code AUTO_SERVER} lets the headless CLI open the database while the workbench holds it. The
 * H2 data source is used directly rather than through {@code DriverManager}, which cannot see
 * drivers across OSGi bundle class loaders.
 */
public final class CorpusStore implements AutoCloseable {

    /** The layer imported and hand-made annotations live in. */
    public static final String CURATED = "curated";
    private static final String DATABASE_NAME = "taiyi";

    private final Path folder;
    private final JdbcDataSource dataSource;
    private final int schemaVersion;

    private CorpusStore(Path folder, JdbcDataSource dataSource, int schemaVersion) {
        this.folder = folder;
        this.dataSource = dataSource;
        this.schemaVersion = schemaVersion;
    }

    /** Opens (creating if needed) the database in {@code folder} and migrates its schema. */
    public static CorpusStore open(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException("cannot create the database folder " + folder + ": " + e.getMessage(), e);
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + folder.toAbsolutePath().resolve(DATABASE_NAME) + ";AUTO_SERVER=TRUE");
        ds.setUser("taiyi");
        ds.setPassword("");
        try (Connection c = ds.getConnection()) {
            int version = new SchemaMigrator(CorpusStore.class.getClassLoader()).migrate(c);
            return new CorpusStore(folder, ds, version);
        } catch (SQLException e) {
            throw new StoreException("cannot open the database in " + folder + ": " + e.getMessage(), e);
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

    /**
     * Adds documents to a corpus (created if it does not exist) in one transaction: either all of
     * them are stored or, on any failure, none. The corpus label schema gains the types the
     * documents use that it lacks.
     *
     * @param source what the documents came from, named in error messages
     * @return the number of documents stored
     */
    public int importDocuments(String corpus, List<Document> documents, String source) {
        Set<String> seen = new HashSet<>();
        for (Document d : documents) {
            if (!seen.add(d.id())) {
                throw new StoreException(source + ": document " + d.id() + " occurs twice; nothing was imported");
            }
        }
        return inTransaction("import of " + source + " into corpus '" + corpus + "' failed, nothing was imported", c -> {
            long corpusId = corpusId(c, corpus, true);
            Set<String> existing = new HashSet<>();
            Jdbc.query(c, "SELECT external_id FROM document WHERE corpus_id = ?", ps -> ps.setLong(1, corpusId),
                    rs -> existing.add(rs.getString(1)));
            for (Document d : documents) {
                if (existing.contains(d.id())) {
                    throw new StoreException(source + ": document " + d.id() + " is already in corpus '" + corpus
                            + "'; nothing was imported");
                }
            }
            try (DocumentInserter inserter = new DocumentInserter(c)) {
                inserter.insert(corpusId, documents, CURATED);
            }
            SchemaTypes.save(c, corpusId, SchemaTypes.load(c, corpusId).union(LabelSchema.inferredFrom(documents)));
            return documents.size();
        });
    }

    /** Replaces a corpus's label schema (display names, order); the corpus must exist. */
    public void setSchema(String corpus, LabelSchema schema) {
        inTransaction("cannot save the label schema of corpus '" + corpus + "'", c -> {
            SchemaTypes.save(c, existingCorpusId(c, corpus), schema);
            return null;
        });
    }

    /** The label schema of a corpus. */
    public LabelSchema schema(String corpus) {
        return read("cannot read the label schema of corpus '" + corpus + "'",
                c -> SchemaTypes.load(c, existingCorpusId(c, corpus)));
    }

    /** Every corpus with its counts, by name. */
    public List<CorpusSummary> corpora() {
        String sql = "SELECT c.name, "
                + "(SELECT COUNT(*) FROM document d WHERE d.corpus_id = c.id), "
                + "(SELECT COUNT(*) FROM entity_mention m JOIN document d ON m.document_id = d.id "
                + "  WHERE d.corpus_id = c.id AND m.layer = '" + CURATED + "') "
                + "FROM corpus c ORDER BY c.name";
        List<CorpusSummary> out = new ArrayList<>();
        read("cannot list corpora", c -> {
            Jdbc.query(c, sql, ps -> { }, rs -> out.add(new CorpusSummary(rs.getString(1), rs.getInt(2), rs.getInt(3))));
            return null;
        });
        return out;
    }

    /** The documents of a corpus in import order. */
    public List<DocumentSummary> documents(String corpus) {
        String sql = "SELECT d.external_id, d.language, SUBSTRING(d.body, 1, 200), "
                + "(SELECT COUNT(*) FROM entity_mention m WHERE m.document_id = d.id AND m.layer = '" + CURATED + "'), "
                + "(SELECT COUNT(*) FROM relation r WHERE r.document_id = d.id AND r.layer = '" + CURATED + "') "
                + "FROM document d JOIN corpus c ON d.corpus_id = c.id WHERE c.name = ? ORDER BY d.id";
        List<DocumentSummary> out = new ArrayList<>();
        read("cannot list the documents of corpus '" + corpus + "'", c -> {
            Jdbc.query(c, sql, ps -> ps.setString(1, corpus), rs -> out.add(new DocumentSummary(corpus, rs.getString(1),
                    Language.fromCode(rs.getString(2)), titleOf(rs.getString(3)), rs.getInt(4), rs.getInt(5))));
            return null;
        });
        return out;
    }

    /** A whole document with its curated annotations. */
    public Optional<Document> document(String corpus, String id) {
        return read("cannot load document " + id + " of corpus '" + corpus + "'",
                c -> new DocumentLoader(c).load(corpus, id, CURATED));
    }

    /** Every document of a corpus with its curated annotations, in import order (for export). */
    public List<Document> allDocuments(String corpus) {
        return read("cannot load corpus '" + corpus + "'", c -> {
            existingCorpusId(c, corpus);
            DocumentLoader loader = new DocumentLoader(c);
            List<String> ids = new ArrayList<>();
            Jdbc.query(c, "SELECT d.external_id FROM document d JOIN corpus c ON d.corpus_id = c.id WHERE c.name = ? "
                    + "ORDER BY d.id", ps -> ps.setString(1, corpus), rs -> ids.add(rs.getString(1)));
            List<Document> out = new ArrayList<>(ids.size());
            for (String id : ids) {
                out.add(loader.load(corpus, id, CURATED).orElseThrow());
            }
            return out;
        });
    }

    /** Counts of a corpus's documents and curated annotations. */
    public CorpusStats stats(String corpus) {
        return read("cannot count corpus '" + corpus + "'", c -> {
            long corpusId = existingCorpusId(c, corpus);
            Map<String, Integer> byType = new TreeMap<>();
            Map<String, Integer> byRelation = new TreeMap<>();
            Map<String, Integer> byLanguage = new TreeMap<>();
            Jdbc.query(c, "SELECT m.entity_type, COUNT(*) FROM entity_mention m JOIN document d ON m.document_id = d.id "
                    + "WHERE d.corpus_id = ? AND m.layer = ? GROUP BY m.entity_type", ps -> {
                        ps.setLong(1, corpusId);
                        ps.setString(2, CURATED);
                    }, rs -> byType.put(rs.getString(1), rs.getInt(2)));
            Jdbc.query(c, "SELECT r.relation_type, COUNT(*) FROM relation r JOIN document d ON r.document_id = d.id "
                    + "WHERE d.corpus_id = ? AND r.layer = ? GROUP BY r.relation_type", ps -> {
                        ps.setLong(1, corpusId);
                        ps.setString(2, CURATED);
                    }, rs -> byRelation.put(rs.getString(1), rs.getInt(2)));
            Jdbc.query(c, "SELECT language, COUNT(*) FROM document WHERE corpus_id = ? GROUP BY language",
                    ps -> ps.setLong(1, corpusId), rs -> byLanguage.put(rs.getString(1), rs.getInt(2)));
            int documents = byLanguage.values().stream().mapToInt(Integer::intValue).sum();
            return new CorpusStats(corpus, documents, byType.values().stream().mapToInt(Integer::intValue).sum(),
                    byRelation.values().stream().mapToInt(Integer::intValue).sum(), byType, byRelation, byLanguage);
        });
    }

    private static String titleOf(String head) {
        int nl = head.indexOf('\n');
        String line = nl >= 0 ? head.substring(0, nl) : head;
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }

    private static long existingCorpusId(Connection c, String corpus) throws SQLException {
        long id = corpusId(c, corpus, false);
        if (id < 0) {
            throw new StoreException("no corpus named '" + corpus + "' in the database");
        }
        return id;
    }

    private static long corpusId(Connection c, String corpus, boolean create) throws SQLException {
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
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(String failure, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(failure + ": " + e.getMessage(), e);
        }
    }

    private <T> T inTransaction(String failure, Work<T> work) {
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

    @Override
    public void close() {
        // H2 closes the file database when its last connection closes; nothing is held open here.
    }
}
