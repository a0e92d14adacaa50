package taiyi.workbench.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Copies corpora from one store to another, H2 or PostgreSQL either way ({@code taiyi db copy}):
 * every row of every table a corpus owns (documents, both layers with their provenance, the
 * correction log, curation states, label schema, learning record, adapter registry), with new row
 * ids on the target and every reference between rows (an UNDO's event, a mention's spans)
 * following them.
 *
 * <p>Each corpus is one transaction on the target. Afterwards the copy is verified: the row count
 * of every table, and a SHA-256 of every document's log (its events in order, with what an UNDO or
 * REDO walks given by position, since ids differ), must be the source's. A corpus that fails the
 * check is removed from the target again, so nothing half-copied stays.
 *
 * <p>Both stores are migrated to the same, newest schema when opened; a table this class does not
 * know (a later migration's) refuses the copy instead of leaving it behind.
 */
public final class DatabaseCopy {

    /** What was copied of one corpus, and its proof. */
    public record CopiedCorpus(String corpus, Map<String, Long> rowsByTable, int documents, long events, String logsHash) {
    }

    /** A table a corpus owns: how to find the corpus's rows, its own id column, the ids it refers to. */
    private record Table(String name, String idColumn, String where, Map<String, String> references) {
    }

    private static final String DOCS = "document_id IN (SELECT id FROM document WHERE corpus_id = ?)";
    private static final String MENTIONS = "mention_id IN (SELECT m.id FROM entity_mention m JOIN document d "
            + "ON m.document_id = d.id WHERE d.corpus_id = ?)";
    private static final String RELATIONS = "relation_id IN (SELECT r.id FROM relation r JOIN document d "
            + "ON r.document_id = d.id WHERE d.corpus_id = ?)";

    /** In an order where every table comes after those it refers to. */
    private static final List<Table> TABLES = List.of(
            new Table("corpus", "id", "id = ?", Map.of()),
            new Table("schema_type", null, "corpus_id = ?", Map.of("corpus_id", "corpus")),
            new Table("document", "id", "corpus_id = ?", Map.of("corpus_id", "corpus")),
            new Table("document_metadata", null, DOCS, Map.of("document_id", "document")),
            new Table("passage", null, DOCS, Map.of("document_id", "document")),
            new Table("document_label", null, DOCS, Map.of("document_id", "document")),
            new Table("label_suggestion", null, DOCS, Map.of("document_id", "document")),
            new Table("entity_mention", "id", DOCS, Map.of("document_id", "document")),
            new Table("mention_span", null, MENTIONS, Map.of("mention_id", "entity_mention")),
            new Table("mention_normalization", null, MENTIONS, Map.of("mention_id", "entity_mention")),
            new Table("mention_attribute", null, MENTIONS, Map.of("mention_id", "entity_mention")),
            new Table("relation", "id", DOCS, Map.of("document_id", "document")),
            new Table("relation_evidence", null, RELATIONS, Map.of("relation_id", "relation")),
            new Table("correction_event", "id", DOCS, Map.of("document_id", "document", "refers_to", "correction_event")),
            new Table("curation_state", null, DOCS, Map.of("document_id", "document")),
            new Table("learning_evaluation", "id", "corpus_id = ?", Map.of("corpus_id", "corpus")),
            new Table("learning_tally", null, "evaluation_id IN (SELECT id FROM learning_evaluation WHERE corpus_id = ?)",
                    Map.of("evaluation_id", "learning_evaluation")),
            new Table("adapter", "id", "corpus_id = ?", Map.of("corpus_id", "corpus")));

    private DatabaseCopy() {
    }

    /**
     * Copies the named corpora (every corpus of the source when none is named) and verifies each.
     *
     * @throws StoreException naming the corpus when it is missing from the source, already in the
     *     target, or its copy does not verify (then it is not left in the target)
     */
    public static List<CopiedCorpus> copy(CorpusStore from, CorpusStore to, List<String> corpora) {
        List<String> names = corpora.isEmpty()
                ? from.statistics().corpora().stream().map(CorpusSummary::name).toList()
                : List.copyOf(corpora);
        checkTablesKnown(from);
        checkTablesKnown(to);
        Set<String> existing = new TreeSet<>(to.statistics().corpora().stream().map(CorpusSummary::name).toList());
        for (String name : names) {
            if (existing.contains(name)) {
                throw new StoreException("corpus '" + name + "' is already in " + to.location() + "; nothing was copied");
            }
        }
        List<CopiedCorpus> out = new ArrayList<>();
        for (String name : names) {
            from.read("cannot copy corpus '" + name + "' from " + from.location(), source -> {
                long sourceId = CorpusStore.existingCorpusId(source, name);
                to.inTransaction("cannot copy corpus '" + name + "' to " + to.location(), target -> {
                    Map<String, Map<Long, Long>> newIds = new HashMap<>();
                    for (Table t : TABLES) {
                        copyRows(source, target, t, sourceId, newIds);
                    }
                    return null;
                });
                return null;
            });
            CopiedCorpus original = proof(from, name);
            CopiedCorpus copied = proof(to, name);
            if (!original.equals(copied)) {
                to.inTransaction("cannot remove the unverified copy of corpus '" + name + "'", c -> {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM corpus WHERE name = ?")) {
                        ps.setString(1, name);
                        ps.executeUpdate();
                    }
                    return null;
                });
                throw new StoreException("the copy of corpus '" + name + "' does not verify (source " + original + ", copy " + copied
                        + "); it was removed from " + to.location());
            }
            out.add(copied);
            to.changed(name, to.documents().summaries(name).stream().map(DocumentSummary::id).toList());
        }
        return out;
    }

    /**
     * A corpus's row counts per table and the hash of its documents' logs, as they are in a store:
     * equal in two stores when one is a faithful copy of the other.
     */
    public static CopiedCorpus proof(CorpusStore store, String corpus) {
        return store.read("cannot verify corpus '" + corpus + "' in " + store.location(), c -> {
            long corpusId = CorpusStore.existingCorpusId(c, corpus);
            Map<String, Long> rows = new LinkedHashMap<>();
            for (Table t : TABLES) {
                Jdbc.query(c, "SELECT COUNT(*) FROM " + t.name() + " WHERE " + t.where(), ps -> ps.setLong(1, corpusId),
                        rs -> rows.put(t.name(), rs.getLong(1)));
            }
            MessageDigest all = sha256();
            int[] documents = {0};
            long[] events = {0};
            Map<String, String> byDocument = new TreeMap<>();
            List<Object[]> docs = new ArrayList<>();
            Jdbc.query(c, "SELECT id, external_id FROM document WHERE corpus_id = ?", ps -> ps.setLong(1, corpusId),
                    rs -> docs.add(new Object[] {rs.getLong(1), rs.getString(2)}));
            for (Object[] d : docs) {
                MessageDigest one = sha256();
                Map<Long, Integer> position = new HashMap<>();
                Jdbc.query(c, CorrectionLog.EVENTS_OF_DOCUMENT, ps -> ps.setLong(1, (Long) d[0]), rs -> {
                            position.put(rs.getLong(1), position.size());
                            long refersTo = rs.getLong(6);
                            String walked = rs.wasNull() ? "-" : String.valueOf(position.get(refersTo));
                            String line = String.join("\u0001", rs.getString(2), rs.getTimestamp(3).toInstant().toString(),
                                    rs.getString(4), String.valueOf(rs.getString(5)), walked, rs.getString(7),
                                    Long.toString(rs.getLong(8)), rs.getString(9)) + "\n";
                            one.update(line.getBytes(StandardCharsets.UTF_8));
                            events[0]++;
                        });
                byDocument.put((String) d[1], HexFormat.of().formatHex(one.digest()));
                documents[0]++;
            }
            // documents in id order of their external ids, so the hash does not depend on row ids
            byDocument.forEach((id, hash) -> all.update((id + " " + hash + "\n").getBytes(StandardCharsets.UTF_8)));
            return new CopiedCorpus(corpus, rows, documents[0], events[0], HexFormat.of().formatHex(all.digest()));
        });
    }

    private static void copyRows(Connection source, Connection target, Table t, long corpusId, Map<String, Map<Long, Long>> newIds)
            throws SQLException {
        Map<Long, Long> ids = t.idColumn() == null ? null : newIds.computeIfAbsent(t.name(), k -> new HashMap<>());
        String order = t.idColumn() != null ? " ORDER BY " + t.idColumn() : "";
        try (PreparedStatement select = source.prepareStatement("SELECT * FROM " + t.name() + " WHERE " + t.where() + order)) {
            select.setLong(1, corpusId);
            try (ResultSet rs = select.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                List<Integer> sourceIndex = new ArrayList<>();
                int idIndex = -1;
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i).toLowerCase(Locale.ROOT);
                    if (column.equals(t.idColumn())) {
                        idIndex = i;
                        continue;
                    }
                    columns.add(column);
                    sourceIndex.add(i);
                }
                String insert = "INSERT INTO " + t.name() + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
                try (PreparedStatement ps = t.idColumn() != null ? Jdbc.prepareInsert(target, insert) : target.prepareStatement(insert)) {
                    int batched = 0;
                    while (rs.next()) {
                        for (int k = 0; k < columns.size(); k++) {
                            int i = sourceIndex.get(k);
                            Object value = rs.getObject(i);
                            String referenced = t.references().get(columns.get(k));
                            if (value != null && referenced != null) {
                                Long mapped = newIds.getOrDefault(referenced, Map.of()).get(((Number) value).longValue());
                                if (mapped == null) {
                                    throw new SQLException(t.name() + "." + columns.get(k) + " refers to " + referenced + " " + value
                                            + ", which the copy has not seen");
                                }
                                value = mapped;
                            }
                            if (value == null) {
                                ps.setNull(k + 1, meta.getColumnType(i));
                            } else {
                                ps.setObject(k + 1, value);
                            }
                        }
                        if (ids != null) {
                            ids.put(rs.getLong(idIndex), Jdbc.insertReturningKey(ps));
                        } else {
                            ps.addBatch();
                            if (++batched % 1000 == 0) {
                                ps.executeBatch();
                            }
                        }
                    }
                    if (ids == null) {
                        ps.executeBatch();
                    }
                }
            }
        }
    }

    /** Refuses a store with a table the copy would leave behind. */
    private static void checkTablesKnown(CorpusStore store) {
        Set<String> known = new TreeSet<>(TABLES.stream().map(Table::name).toList());
        known.add("schema_history");
        store.read("cannot list the tables of " + store.location(), c -> {
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!known.contains(table)) {
                        throw new StoreException(store.location() + " has a table '" + table + "' that taiyi db copy does not know; "
                                + "add it to DatabaseCopy before copying, or it would be left behind");
                    }
                }
            }
            return null;
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
