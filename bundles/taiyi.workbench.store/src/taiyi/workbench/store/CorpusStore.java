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

import taiyi.workbench.core.curation.AnnotationSet;
import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.curation.LabelSuggestion;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
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

    /** The layer imported and hand-made annotations live in: the fold of the correction log. */
    public static final String CURATED = "curated";
    /** The layer models write to. */
    public static final String SUGGESTED = "suggested";
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
            int version = new SchemaMigrator(CorpusStore.class.getClassLoader()).migrate(c);
            startMissingLogs(c);
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
                Document doc = loader.load((String) d[2], (String) d[1], CURATED).orElseThrow();
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
        int imported = inTransaction("import of " + source + " into corpus '" + corpus + "' failed, nothing was imported", c -> {
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
            CorrectionLog log = new CorrectionLog(c, events);
            String user = System.getProperty("user.name", "unknown");
            try (DocumentInserter inserter = new DocumentInserter(c)) {
                inserter.insert(corpusId, documents, CURATED, (d, docId) -> log.startLog(docId, d.id(),
                        new AnnotationSet(d.mentions(), d.relations()), user, "import:" + source));
            }
            SchemaTypes.save(c, corpusId, SchemaTypes.load(c, corpusId).union(LabelSchema.inferredFrom(documents)));
            return documents.size();
        });
        changed(corpus, documents.stream().map(Document::id).toList());
        return imported;
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
                + "(SELECT COUNT(*) FROM relation r WHERE r.document_id = d.id AND r.layer = '" + CURATED + "'), "
                + "COALESCE(s.state, 'NEW') "
                + "FROM document d JOIN corpus c ON d.corpus_id = c.id LEFT JOIN curation_state s ON s.document_id = d.id "
                + "WHERE c.name = ? ORDER BY d.id";
        List<DocumentSummary> out = new ArrayList<>();
        read("cannot list the documents of corpus '" + corpus + "'", c -> {
            Jdbc.query(c, sql, ps -> ps.setString(1, corpus), rs -> out.add(new DocumentSummary(corpus, rs.getString(1),
                    Language.fromCode(rs.getString(2)), titleOf(rs.getString(3)), rs.getInt(4), rs.getInt(5),
                    CurationState.valueOf(rs.getString(6)))));
            return null;
        });
        return out;
    }

    /** A whole document with its curated annotations. */
    public Optional<Document> document(String corpus, String id) {
        return read("cannot load document " + id + " of corpus '" + corpus + "'",
                c -> new DocumentLoader(c).load(corpus, id, CURATED));
    }

    /**
     * A document's text, language, passages, metadata and labels without its annotation layers: what
     * an editor opens, which takes the curated layer from the fold of the log instead (reading the
     * 5,000 curated mentions of a large document as well cost 40–80 ms of its opening).
     */
    public Optional<Document> documentBody(String corpus, String id) {
        return read("cannot load document " + id + " of corpus '" + corpus + "'",
                c -> new DocumentLoader(c).load(corpus, id, null));
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

    /**
     * Records a curator's decision on a document: checked against the document's history (a MODIFY
     * of a mention that is not there, an ACCEPT of a suggestion twice… are refused with the reason),
     * appended to its log and applied to its curated layer in one transaction. When this returns the
     * event is durable.
     *
     * @return the event as stored, with its log position
     */
    public CorrectionEvent record(String corpus, CorrectionEvent event) {
        return record(corpus, List.of(event)).get(0);
    }

    /**
     * Records several decisions on one document in one transaction, in order: each is checked
     * against the history with the batch's earlier events in it, and one refused event refuses
     * them all (nothing is written). Each stays its own log entry, so undo takes them back one by
     * one. Listeners hear of the batch once. A key that makes several decisions (accepting a
     * suggested relation with its argument suggestions, accept-all) pays for one commit, not one
     * per event.
     *
     * @return the events as stored, with their log positions, in the order given
     * @throws StoreException naming the refused event's place in the batch and the reason
     */
    public List<CorrectionEvent> record(String corpus, List<CorrectionEvent> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        String documentId = batch.get(0).documentId();
        for (int i = 0; i < batch.size(); i++) {
            CorrectionEvent event = batch.get(i);
            if (event.action() == CorrectionAction.IMPORT) {
                throw new StoreException(CorrectionLog.position(batch, i + 1) + "IMPORT events are written by importDocuments only");
            }
            if (!event.documentId().equals(documentId)) {
                throw new StoreException(CorrectionLog.position(batch, i + 1) + "a batch is on one document: " + documentId
                        + ", not " + event.documentId() + "; nothing was recorded");
            }
        }
        String what = batch.size() == 1 ? batch.get(0).action().toString() : batch.size() + " events";
        CorrectionLog.Appended appended = inTransaction("cannot record " + what + " on document " + documentId, c -> {
            long docId = existingDocumentId(c, corpus, documentId);
            for (int i = 0; i < batch.size(); i++) {
                CorrectionEvent event = batch.get(i);
                if (event.action() == CorrectionAction.ACCEPT || event.action() == CorrectionAction.REJECT) {
                    checkSuggestion(c, docId, event, CorrectionLog.position(batch, i + 1));
                }
            }
            try (DocumentInserter inserter = new DocumentInserter(c)) {
                return new CorrectionLog(c, events).append(docId, batch, inserter);
            } catch (IllegalArgumentException e) {
                throw new StoreException("document " + documentId + ": " + e.getMessage()
                        + (batch.size() == 1 ? "" : "; nothing of the batch was recorded"), e);
            }
        });
        // cached only now that the transaction has committed
        events.append(appended.docId(), appended.history(), appended.stored());
        changed(corpus, List.of(documentId));
        return appended.stored();
    }

    /** Takes back the document's latest effective decision; empty when there is none. */
    public Optional<CorrectionEvent> undo(String corpus, String documentId, String user, String uiLocation) {
        return fold(corpus, documentId).nextUndo().map(target -> record(corpus, new CorrectionEvent(0, documentId, user,
                Instant.now(), CorrectionAction.UNDO, null, null, null, null, null, null, target.id(), uiLocation, 0)));
    }

    /** Makes the document's latest undone decision again; empty when there is none. */
    public Optional<CorrectionEvent> redo(String corpus, String documentId, String user, String uiLocation) {
        return fold(corpus, documentId).nextRedo().map(target -> record(corpus, new CorrectionEvent(0, documentId, user,
                Instant.now(), CorrectionAction.REDO, null, null, null, null, null, null, target.id(), uiLocation, 0)));
    }

    /** A document's correction log, oldest first (its IMPORT first). */
    public List<CorrectionEvent> events(String corpus, String documentId) {
        return read("cannot read the log of document " + documentId,
                c -> new CorrectionLog(c, events).events(existingDocumentId(c, corpus, documentId), documentId));
    }

    /** A document's log folded: curated layer, curation state, decisions, undo and redo. */
    public CurationFold fold(String corpus, String documentId) {
        return CurationFold.of(events(corpus, documentId));
    }

    /** Where a document stands in curation and who holds it (null when nobody has acted on it). */
    public record Curation(CurationState state, String holder) {
    }

    public Curation curation(String corpus, String documentId) {
        return read("cannot read the curation state of document " + documentId, c -> {
            long docId = existingDocumentId(c, corpus, documentId);
            Curation[] out = {new Curation(CurationState.NEW, null)};
            Jdbc.query(c, "SELECT state, holder FROM curation_state WHERE document_id = ?", ps -> ps.setLong(1, docId),
                    rs -> out[0] = new Curation(CurationState.valueOf(rs.getString(1)), rs.getString(2)));
            return out[0];
        });
    }

    /**
     * Adds a model's suggestions to a document's suggestion layer in one transaction. Suggestion
     * ids must be new in the document's suggestion layer.
     */
    public void addSuggestions(String corpus, String documentId, List<Suggestion> suggestions) {
        addSuggestions(corpus, documentId, suggestions, List.of(), List.of());
    }

    /**
     * Adds what a model proposed for a document — mentions, relations between them, document
     * labels — in one transaction: all of it or, on any error, nothing. Ids must be new in the
     * suggestion layer; a relation's arguments must be mentions of the suggestion layer (already
     * there or added by this call) or concepts they are normalised to.
     */
    public void addSuggestions(String corpus, String documentId, List<Suggestion> mentions,
            List<RelationSuggestion> relations, List<LabelSuggestion> labels) {
        inTransaction("cannot add suggestions to document " + documentId, c -> {
            long docId = existingDocumentId(c, corpus, documentId);
            String text = documentText(c, docId);
            Set<String> arguments = new HashSet<>();
            Jdbc.query(c, "SELECT m.mention_key, n.concept_id FROM entity_mention m LEFT JOIN mention_normalization n "
                    + "ON n.mention_id = m.id WHERE m.document_id = ? AND m.layer = '" + SUGGESTED + "'",
                    ps -> ps.setLong(1, docId), rs -> {
                        arguments.add(rs.getString(1));
                        if (rs.getString(2) != null) {
                            arguments.add(rs.getString(2));
                        }
                    });
            try (DocumentInserter inserter = new DocumentInserter(c);
                    PreparedStatement mentionProvenance = provenanceUpdate(c, "entity_mention");
                    PreparedStatement relationProvenance = provenanceUpdate(c, "relation");
                    PreparedStatement label = c.prepareStatement("INSERT INTO label_suggestion (document_id, ordinal, label, "
                            + "model_id, adapter_id, prompt_template_id, suggestion_round, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Suggestion s : mentions) {
                    if (s.mention().end() > text.length()) {
                        throw new StoreException("suggestion " + s.id() + " ends past the text of document " + documentId);
                    }
                    setProvenance(mentionProvenance, inserter.insertMention(docId, s.mention(), SUGGESTED), s.modelId(),
                            s.adapterId(), s.promptTemplateId(), s.round(), s.score());
                    arguments.add(s.id());
                    s.mention().normalizations().forEach(n -> arguments.add(n.id()));
                }
                inserter.flush();
                for (RelationSuggestion r : relations) {
                    for (String arg : List.of(r.relation().head(), r.relation().tail())) {
                        if (!arguments.contains(arg)) {
                            throw new StoreException("relation suggestion " + r.id() + " of document " + documentId
                                    + ": argument " + arg + " is no suggested mention (nor a concept of one)");
                        }
                    }
                    for (Span evidence : r.relation().evidence()) {
                        if (evidence.end() > text.length()) {
                            throw new StoreException("relation suggestion " + r.id() + " has evidence past the text of document "
                                    + documentId);
                        }
                    }
                    setProvenance(relationProvenance, inserter.insertRelation(docId, r.relation(), SUGGESTED), r.modelId(),
                            r.adapterId(), r.promptTemplateId(), r.round(), r.score());
                }
                inserter.flush();
                mentionProvenance.executeBatch();
                relationProvenance.executeBatch();
                int[] ordinal = {0};
                Jdbc.query(c, "SELECT COALESCE(MAX(ordinal) + 1, 0) FROM label_suggestion WHERE document_id = ?",
                        ps -> ps.setLong(1, docId), rs -> ordinal[0] = rs.getInt(1));
                for (LabelSuggestion l : labels) {
                    label.setLong(1, docId);
                    label.setInt(2, ordinal[0]++);
                    label.setString(3, l.label());
                    label.setString(4, l.modelId());
                    label.setString(5, l.adapterId());
                    label.setString(6, l.promptTemplateId());
                    label.setInt(7, l.round());
                    label.setDouble(8, l.score());
                    label.addBatch();
                }
                label.executeBatch();
            }
            return null;
        });
        changed(corpus, List.of(documentId));
    }

    private static PreparedStatement provenanceUpdate(Connection c, String table) throws SQLException {
        return c.prepareStatement("UPDATE " + table + " SET model_id = ?, adapter_id = ?, prompt_template_id = ?, "
                + "suggestion_round = ?, score = ? WHERE id = ?");
    }

    private static void setProvenance(PreparedStatement ps, long rowId, String model, String adapter, String template,
            int round, double score) throws SQLException {
        ps.setString(1, model);
        ps.setString(2, adapter);
        ps.setString(3, template);
        ps.setInt(4, round);
        ps.setDouble(5, score);
        ps.setLong(6, rowId);
        ps.addBatch();
    }

    /**
     * Whether the document already holds suggestions of this model and adapter for this round
     * (pre-annotating it again would propose the same things twice).
     */
    public boolean hasSuggestionsFrom(String corpus, String documentId, String modelId, String adapterId, int round) {
        return read("cannot read the suggestions of document " + documentId, c -> {
            long docId = existingDocumentId(c, corpus, documentId);
            boolean[] found = {false};
            for (String sql : List.of("SELECT 1 FROM entity_mention WHERE document_id = ? AND layer = '" + SUGGESTED + "' AND "
                    + "model_id = ? AND adapter_id = ? AND suggestion_round = ? LIMIT 1", "SELECT 1 FROM label_suggestion WHERE "
                    + "document_id = ? AND model_id = ? AND adapter_id = ? AND suggestion_round = ? LIMIT 1")) {
                Jdbc.query(c, sql, ps -> {
                    ps.setLong(1, docId);
                    ps.setString(2, modelId);
                    ps.setString(3, adapterId == null ? "" : adapterId);
                    ps.setInt(4, round);
                }, rs -> found[0] = true);
            }
            return found[0];
        });
    }

    /** A document's suggested relations, in the order they were added. */
    public List<RelationSuggestion> relationSuggestions(String corpus, String documentId) {
        return read("cannot read the relation suggestions of document " + documentId, c -> {
            long docId = existingDocumentId(c, corpus, documentId);
            return relationSuggestions(c, docId, new DocumentLoader(c).load(corpus, documentId, SUGGESTED).orElseThrow());
        });
    }

    private static List<RelationSuggestion> relationSuggestions(Connection c, long docId, Document layer) throws SQLException {
        Map<String, Provenance> provenance = Provenance.ofSuggested(c, docId, "relation", "relation_key");
        List<RelationSuggestion> out = new ArrayList<>();
        for (Relation r : layer.relations()) {
            Provenance p = provenance.get(r.id());
            out.add(new RelationSuggestion(r, p.modelId(), p.adapterId(), p.promptTemplateId(), p.round(), p.score()));
        }
        return out;
    }

    /** A document's suggested labels, in the order they were added. */
    public List<LabelSuggestion> labelSuggestions(String corpus, String documentId) {
        return read("cannot read the label suggestions of document " + documentId,
                c -> labelSuggestions(c, existingDocumentId(c, corpus, documentId)));
    }

    private static List<LabelSuggestion> labelSuggestions(Connection c, long docId) throws SQLException {
        List<LabelSuggestion> out = new ArrayList<>();
        Jdbc.query(c, "SELECT label, model_id, adapter_id, prompt_template_id, suggestion_round, score FROM label_suggestion "
                + "WHERE document_id = ? ORDER BY ordinal", ps -> ps.setLong(1, docId), rs -> out.add(new LabelSuggestion(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getDouble(6))));
        return out;
    }

    /** A document's suggestion layer, in the order the suggestions were added. */
    public List<Suggestion> suggestions(String corpus, String documentId) {
        return read("cannot read the suggestions of document " + documentId, c -> {
            long docId = existingDocumentId(c, corpus, documentId);
            return suggestions(c, docId, new DocumentLoader(c).load(corpus, documentId, SUGGESTED).orElseThrow());
        });
    }

    private static List<Suggestion> suggestions(Connection c, long docId, Document layer) throws SQLException {
        Map<String, Provenance> provenance = Provenance.ofSuggested(c, docId, "entity_mention", "mention_key");
        List<Suggestion> out = new ArrayList<>();
        for (EntityMention m : layer.mentions()) {
            Provenance p = provenance.get(m.id());
            out.add(new Suggestion(m, p.modelId(), p.adapterId(), p.promptTemplateId(), p.round(), p.score()));
        }
        return out;
    }

    /** Everything a model proposed for a document: mentions, relations between them, document labels. */
    public record SuggestionLayer(List<Suggestion> mentions, List<RelationSuggestion> relations, List<LabelSuggestion> labels) {
    }

    /**
     * A document's whole suggestion layer in one read (one snapshot, the layer's rows read once):
     * what an editor opens with, where {@link #suggestions}, {@link #relationSuggestions} and
     * {@link #labelSuggestions} would each read it again.
     */
    public SuggestionLayer suggestionLayer(String corpus, String documentId) {
        return read("cannot read the suggestions of document " + documentId, c -> {
            long docId = existingDocumentId(c, corpus, documentId);
            Document layer = new DocumentLoader(c).load(corpus, documentId, SUGGESTED).orElseThrow();
            return new SuggestionLayer(suggestions(c, docId, layer), relationSuggestions(c, docId, layer), labelSuggestions(c, docId));
        });
    }

    /** A decision names a suggestion of the document: one row looked up, not the whole layer (this runs per keystroke). */
    private static void checkSuggestion(Connection c, long docId, CorrectionEvent event, String position) throws SQLException {
        boolean[] found = {false};
        // a suggested mention or a suggested relation
        Jdbc.query(c, "SELECT 1 FROM entity_mention WHERE document_id = ? AND layer = '" + SUGGESTED + "' AND mention_key = ? "
                + "UNION ALL SELECT 1 FROM relation WHERE document_id = ? AND layer = '" + SUGGESTED + "' AND relation_key = ?",
                ps -> {
                    ps.setLong(1, docId);
                    ps.setString(2, event.suggestionId());
                    ps.setLong(3, docId);
                    ps.setString(4, event.suggestionId());
                }, rs -> found[0] = true);
        if (!found[0]) {
            throw new StoreException(position + "document " + event.documentId() + " has no suggestion " + event.suggestionId());
        }
    }

    private static String documentText(Connection c, long docId) throws SQLException {
        String[] text = {null};
        Jdbc.query(c, "SELECT body FROM document WHERE id = ?", ps -> ps.setLong(1, docId), rs -> text[0] = rs.getString(1));
        return text[0];
    }

    private static long existingDocumentId(Connection c, String corpus, String documentId) throws SQLException {
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

    /**
     * Reads in one snapshot of the whole database. A document is read by several queries (mentions,
     * then their spans, …); read committed, a correction committed between two of them tore it: a
     * MODIFY replaces the mention's rows, and the reader found the old mention without spans. H2
     * takes the snapshot of every table at the first statement for SERIALIZABLE (and SNAPSHOT), but
     * table by table as first used for REPEATABLE READ, which would not do.
     */
    private <T> T read(String failure, Work<T> work) {
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

    /** Tells {@code listener} about every committed change from now on. */
    public void addChangeListener(StoreChangeListener listener) {
        listeners.add(listener);
    }

    public void removeChangeListener(StoreChangeListener listener) {
        listeners.remove(listener);
    }

    private void changed(String corpus, List<String> documentIds) {
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
