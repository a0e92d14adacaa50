package taiyi.workbench.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.h2.jdbcx.JdbcDataSource;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;

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
     * them are stored or, on any failure, none.
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long corpusId = corpusId(c, corpus, true);
                Set<String> existing = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT external_id FROM document WHERE corpus_id = ?")) {
                    ps.setLong(1, corpusId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            existing.add(rs.getString(1));
                        }
                    }
                }
                for (Document d : documents) {
                    if (existing.contains(d.id())) {
                        throw new StoreException(source + ": document " + d.id() + " is already in corpus '" + corpus
                                + "'; nothing was imported");
                    }
                }
                new DocumentInserter(c).insert(corpusId, documents);
                c.commit();
                return documents.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(source + ": import into corpus '" + corpus + "' failed, nothing was imported: "
                    + e.getMessage(), e);
        }
    }

    /** Every corpus with its counts, by name. */
    public List<CorpusSummary> corpora() {
        String sql = "SELECT c.name, "
                + "(SELECT COUNT(*) FROM document d WHERE d.corpus_id = c.id), "
                + "(SELECT COUNT(*) FROM entity_mention m JOIN document d ON m.document_id = d.id "
                + "  WHERE d.corpus_id = c.id AND m.layer = '" + CURATED + "') "
                + "FROM corpus c ORDER BY c.name";
        List<CorpusSummary> out = new ArrayList<>();
        query(sql, ps -> { }, rs -> out.add(new CorpusSummary(rs.getString(1), rs.getInt(2), rs.getInt(3))));
        return out;
    }

    /** The documents of a corpus in import order. */
    public List<DocumentSummary> documents(String corpus) {
        String sql = "SELECT d.external_id, d.language, SUBSTRING(d.body, 1, 200), "
                + "(SELECT COUNT(*) FROM entity_mention m WHERE m.document_id = d.id AND m.layer = '" + CURATED + "'), "
                + "(SELECT COUNT(*) FROM relation r WHERE r.document_id = d.id AND r.layer = '" + CURATED + "') "
                + "FROM document d JOIN corpus c ON d.corpus_id = c.id WHERE c.name = ? ORDER BY d.id";
        List<DocumentSummary> out = new ArrayList<>();
        query(sql, ps -> ps.setString(1, corpus), rs -> out.add(new DocumentSummary(corpus, rs.getString(1),
                Language.fromCode(rs.getString(2)), titleOf(rs.getString(3)), rs.getInt(4), rs.getInt(5))));
        return out;
    }

    /** A whole document with its curated annotations. */
    public Optional<Document> document(String corpus, String id) {
        try (Connection c = dataSource.getConnection()) {
            return new DocumentLoader(c).load(corpus, id, CURATED);
        } catch (SQLException e) {
            throw new StoreException("cannot load document " + id + " of corpus '" + corpus + "': " + e.getMessage(), e);
        }
    }

    private static String titleOf(String head) {
        int nl = head.indexOf('\n');
        String line = nl >= 0 ? head.substring(0, nl) : head;
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }

    private static long corpusId(Connection c, String corpus, boolean create) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM corpus WHERE name = ?")) {
            ps.setString(1, corpus);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        if (!create) {
            return -1;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO corpus (name, created_at) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, corpus);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Binder binder, RowReader reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // H2 closes the file database when its last connection closes; nothing is held open here.
    }

    /** Writes documents with their passages, metadata and curated annotations in batches. */
    private static final class DocumentInserter {
        private final Connection c;

        DocumentInserter(Connection c) {
            this.c = c;
        }

        void insert(long corpusId, List<Document> documents) throws SQLException {
            try (PreparedStatement doc = c.prepareStatement("INSERT INTO document (corpus_id, external_id, language, body, "
                    + "content_hash) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement meta = c.prepareStatement(
                            "INSERT INTO document_metadata (document_id, meta_key, meta_value) VALUES (?, ?, ?)");
                    PreparedStatement passage = c.prepareStatement("INSERT INTO passage (document_id, ordinal, passage_type, "
                            + "start_offset, end_offset) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement mention = c.prepareStatement("INSERT INTO entity_mention (document_id, layer, "
                            + "mention_key, entity_type) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement span = c.prepareStatement("INSERT INTO mention_span (mention_id, ordinal, "
                            + "start_offset, end_offset) VALUES (?, ?, ?, ?)");
                    PreparedStatement norm = c.prepareStatement(
                            "INSERT INTO mention_normalization (mention_id, ordinal, concept_id) VALUES (?, ?, ?)");
                    PreparedStatement relation = c.prepareStatement("INSERT INTO relation (document_id, layer, relation_key, "
                            + "relation_type, head_ref, tail_ref) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Document d : documents) {
                    doc.setLong(1, corpusId);
                    doc.setString(2, d.id());
                    doc.setString(3, d.language().code());
                    doc.setString(4, d.text());
                    doc.setString(5, SchemaMigrator.sha256(d.text()));
                    doc.executeUpdate();
                    long docId;
                    try (ResultSet keys = doc.getGeneratedKeys()) {
                        keys.next();
                        docId = keys.getLong(1);
                    }
                    for (Map.Entry<String, String> e : d.metadata().entrySet()) {
                        meta.setLong(1, docId);
                        meta.setString(2, e.getKey());
                        meta.setString(3, e.getValue());
                        meta.addBatch();
                    }
                    int ordinal = 0;
                    for (Passage p : d.passages()) {
                        passage.setLong(1, docId);
                        passage.setInt(2, ordinal++);
                        passage.setString(3, p.type());
                        passage.setInt(4, p.span().start());
                        passage.setInt(5, p.span().end());
                        passage.addBatch();
                    }
                    for (EntityMention m : d.mentions()) {
                        mention.setLong(1, docId);
                        mention.setString(2, CURATED);
                        mention.setString(3, m.id());
                        mention.setString(4, m.type());
                        mention.executeUpdate();
                        long mentionId;
                        try (ResultSet keys = mention.getGeneratedKeys()) {
                            keys.next();
                            mentionId = keys.getLong(1);
                        }
                        int s = 0;
                        for (Span sp : m.spans()) {
                            span.setLong(1, mentionId);
                            span.setInt(2, s++);
                            span.setInt(3, sp.start());
                            span.setInt(4, sp.end());
                            span.addBatch();
                        }
                        int n = 0;
                        for (String concept : m.normalizations()) {
                            norm.setLong(1, mentionId);
                            norm.setInt(2, n++);
                            norm.setString(3, concept);
                            norm.addBatch();
                        }
                    }
                    for (Relation r : d.relations()) {
                        relation.setLong(1, docId);
                        relation.setString(2, CURATED);
                        relation.setString(3, r.id());
                        relation.setString(4, r.type());
                        relation.setString(5, r.head());
                        relation.setString(6, r.tail());
                        relation.addBatch();
                    }
                }
                meta.executeBatch();
                passage.executeBatch();
                span.executeBatch();
                norm.executeBatch();
                relation.executeBatch();
            }
        }
    }

    /** Reads one document and one of its annotation layers back into the model. */
    private static final class DocumentLoader {
        private final Connection c;

        DocumentLoader(Connection c) {
            this.c = c;
        }

        Optional<Document> load(String corpus, String externalId, String layer) throws SQLException {
            long docId;
            String language;
            String text;
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.language, d.body FROM document d "
                    + "JOIN corpus c ON d.corpus_id = c.id WHERE c.name = ? AND d.external_id = ?")) {
                ps.setString(1, corpus);
                ps.setString(2, externalId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    docId = rs.getLong(1);
                    language = rs.getString(2);
                    text = rs.getString(3);
                }
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            forRows("SELECT meta_key, meta_value FROM document_metadata WHERE document_id = ? ORDER BY meta_key", docId,
                    rs -> metadata.put(rs.getString(1), rs.getString(2)));
            List<Passage> passages = new ArrayList<>();
            forRows("SELECT passage_type, start_offset, end_offset FROM passage WHERE document_id = ? ORDER BY ordinal", docId,
                    rs -> passages.add(new Passage(rs.getString(1), new Span(rs.getInt(2), rs.getInt(3)))));
            Map<Long, String[]> mentionRows = new LinkedHashMap<>();
            Map<Long, List<Span>> spans = new LinkedHashMap<>();
            Map<Long, List<String>> norms = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, mention_key, entity_type FROM entity_mention "
                    + "WHERE document_id = ? AND layer = ? ORDER BY id")) {
                ps.setLong(1, docId);
                ps.setString(2, layer);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        mentionRows.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
            forRows("SELECT s.mention_id, s.start_offset, s.end_offset FROM mention_span s JOIN entity_mention m "
                    + "ON s.mention_id = m.id WHERE m.document_id = ? ORDER BY s.mention_id, s.ordinal", docId,
                    rs -> spans.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Span(rs.getInt(2), rs.getInt(3))));
            forRows("SELECT n.mention_id, n.concept_id FROM mention_normalization n JOIN entity_mention m "
                    + "ON n.mention_id = m.id WHERE m.document_id = ? ORDER BY n.mention_id, n.ordinal", docId,
                    rs -> norms.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
            List<EntityMention> mentions = new ArrayList<>();
            mentionRows.forEach((id, row) -> mentions.add(new EntityMention(row[0], row[1], spans.getOrDefault(id, List.of()),
                    norms.getOrDefault(id, List.of()))));
            List<Relation> relations = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT relation_key, relation_type, head_ref, tail_ref FROM relation "
                    + "WHERE document_id = ? AND layer = ? ORDER BY id")) {
                ps.setLong(1, docId);
                ps.setString(2, layer);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        relations.add(new Relation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return Optional.of(new Document(externalId, Language.fromCode(language), text, passages, metadata, mentions,
                    relations));
        }

        private void forRows(String sql, long docId, RowReader reader) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, docId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

}
