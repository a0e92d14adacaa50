package taiyi.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The learning record: evaluations stored per source and round, which the learning curve draws. */
public final class LearningRecordStore {

    private final CorpusStore store;

    LearningRecordStore(CorpusStore store) {
        this.store = store;
    }

    /** Stores one evaluation of a corpus's suggestions, all its tallies or none. */
    public void add(String corpus, LearningRecord record) {
        store.inTransaction("cannot store the evaluation of " + record.source() + " in corpus '" + corpus + "'", c -> {
            long corpusId = CorpusStore.existingCorpusId(c, corpus);
            long evaluationId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO learning_evaluation (corpus_id, evaluated_at, source, "
                    + "source_round, gold_corpus, curated_documents, curation_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, corpusId);
                ps.setTimestamp(2, Timestamp.from(record.evaluatedAt()));
                ps.setString(3, record.source());
                ps.setInt(4, record.round());
                ps.setString(5, record.goldCorpus());
                ps.setInt(6, record.curatedDocuments());
                ps.setLong(7, record.curationMillis());
                evaluationId = Jdbc.insertReturningKey(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO learning_tally (evaluation_id, kind, type_name, "
                    + "true_positives, false_positives, false_negatives) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (LearningRecord.TypeTally t : record.tallies()) {
                    ps.setLong(1, evaluationId);
                    ps.setString(2, t.kind());
                    ps.setString(3, t.type());
                    ps.setInt(4, t.truePositives());
                    ps.setInt(5, t.falsePositives());
                    ps.setInt(6, t.falseNegatives());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** A corpus's evaluations, oldest first; an unknown corpus has none. */
    public List<LearningRecord> records(String corpus) {
        return store.read("cannot read the learning record of corpus '" + corpus + "'", c -> read(c, corpus));
    }

    private static List<LearningRecord> read(Connection c, String corpus) throws SQLException {
        record Row(String source, int round, String gold, int documents, long millis, Timestamp at, List<LearningRecord.TypeTally> tallies) {
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        Jdbc.query(c, "SELECT e.id, e.source, e.source_round, e.gold_corpus, e.curated_documents, e.curation_ms, e.evaluated_at "
                + "FROM learning_evaluation e JOIN corpus k ON e.corpus_id = k.id WHERE k.name = ? ORDER BY e.evaluated_at, e.id",
                ps -> ps.setString(1, corpus), rs -> rows.put(rs.getLong(1), new Row(rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getInt(5), rs.getLong(6), rs.getTimestamp(7), new ArrayList<>())));
        Jdbc.query(c, "SELECT t.evaluation_id, t.kind, t.type_name, t.true_positives, t.false_positives, t.false_negatives "
                + "FROM learning_tally t JOIN learning_evaluation e ON t.evaluation_id = e.id JOIN corpus k ON e.corpus_id = k.id "
                + "WHERE k.name = ? ORDER BY t.evaluation_id, t.kind, t.type_name", ps -> ps.setString(1, corpus),
                rs -> rows.get(rs.getLong(1)).tallies().add(new LearningRecord.TypeTally(rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6))));
        List<LearningRecord> out = new ArrayList<>();
        for (Row r : rows.values()) {
            out.add(new LearningRecord(r.source(), r.round(), r.gold(), r.documents(), r.millis(), r.at().toInstant(), r.tallies()));
        }
        return out;
    }
}
