package taiyi.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The adapter registry (table {@code adapter}): adapters by corpus and round, and their evaluation F1. */
public final class AdapterStore {

    private static final String COLUMNS = "a.id, k.name, a.training_round, a.folder, a.adapter_sha256, a.base_model_sha256, "
            + "a.data_manifest_sha256, a.hyperparameters, a.final_loss, a.training_steps, a.origin, a.registered_at, "
            + "a.evaluation_f1, a.evaluated_at";

    private final CorpusStore store;

    AdapterStore(CorpusStore store) {
        this.store = store;
    }

    /**
     * Registers an adapter for its corpus.
     *
     * @return the row as stored, with its id
     * @throws StoreException when the corpus does not exist, or the same folder with the same weights is
     *     already registered for it
     */
    public RegisteredAdapter add(RegisteredAdapter adapter) {
        return add(List.of(adapter)).get(0);
    }

    /**
     * Registers adapters (one adapter for each corpus of its round, say) in one transaction: all or none.
     *
     * @return the rows as stored, with their ids, in the order given
     * @throws StoreException when a corpus does not exist, or the same folder with the same weights is
     *     already registered for it
     */
    public List<RegisteredAdapter> add(List<RegisteredAdapter> adapters) {
        String what = adapters.stream().map(a -> a.folder() + " for corpus '" + a.corpus() + "'").distinct()
                .reduce((a, b) -> a + ", " + b).orElse("nothing");
        return store.inTransaction("cannot register adapter " + what, c -> {
            List<RegisteredAdapter> out = new ArrayList<>();
            for (RegisteredAdapter adapter : adapters) {
                out.add(insert(c, adapter));
            }
            return out;
        });
    }

    private static RegisteredAdapter insert(Connection c, RegisteredAdapter adapter) throws SQLException {
        long corpusId = CorpusStore.existingCorpusId(c, adapter.corpus());
        for (RegisteredAdapter a : read(c, adapter.corpus())) {
            if (a.folder().equals(adapter.folder()) && a.adapterSha256().equals(adapter.adapterSha256())) {
                throw new StoreException("adapter " + adapter.folder() + " is already registered for corpus '" + adapter.corpus()
                        + "' (round " + a.round() + ", id " + a.id() + ")");
            }
        }
        try (PreparedStatement ps = Jdbc.prepareInsert(c, "INSERT INTO adapter (corpus_id, training_round, folder, "
                + "adapter_sha256, base_model_sha256, data_manifest_sha256, hyperparameters, final_loss, training_steps, origin, "
                + "registered_at, evaluation_f1, evaluated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, corpusId);
            ps.setInt(2, adapter.round());
            ps.setString(3, adapter.folder());
            ps.setString(4, adapter.adapterSha256());
            ps.setString(5, adapter.baseModelSha256());
            ps.setString(6, adapter.dataManifestSha256());
            ps.setString(7, adapter.hyperparameters());
            setDouble(ps, 8, adapter.finalLoss());
            if (adapter.steps() == null) {
                ps.setNull(9, Types.BIGINT);
            } else {
                ps.setLong(9, adapter.steps());
            }
            ps.setString(10, adapter.origin());
            ps.setTimestamp(11, Timestamp.from(adapter.registeredAt()));
            setDouble(ps, 12, adapter.evaluationF1());
            if (adapter.evaluatedAt() == null) {
                ps.setNull(13, Types.TIMESTAMP);
            } else {
                ps.setTimestamp(13, Timestamp.from(adapter.evaluatedAt()));
            }
            return adapter.withId(Jdbc.insertReturningKey(ps));
        }
    }

    /** A corpus's adapters by round, then in registration order; an unknown corpus has none. */
    public List<RegisteredAdapter> adapters(String corpus) {
        return store.read("cannot read the adapters of corpus '" + corpus + "'", c -> read(c, corpus));
    }

    /**
     * Records an adapter's evaluation F1 (a later evaluation replaces an earlier one).
     *
     * @throws StoreException when no adapter has that id
     */
    public void recordEvaluation(long adapterId, double f1, Instant at) {
        store.inTransaction("cannot record the evaluation of adapter " + adapterId, c -> {
            int n = Jdbc.update(c, "UPDATE adapter SET evaluation_f1 = ?, evaluated_at = ? WHERE id = ?", ps -> {
                ps.setDouble(1, f1);
                ps.setTimestamp(2, Timestamp.from(at));
                ps.setLong(3, adapterId);
            });
            if (n != 1) {
                throw new StoreException("no adapter with id " + adapterId + " in the registry");
            }
            return null;
        });
    }

    private static List<RegisteredAdapter> read(Connection c, String corpus) throws SQLException {
        List<RegisteredAdapter> out = new ArrayList<>();
        Jdbc.query(c, "SELECT " + COLUMNS + " FROM adapter a JOIN corpus k ON a.corpus_id = k.id WHERE k.name = ? "
                + "ORDER BY a.training_round, a.registered_at, a.id", ps -> ps.setString(1, corpus), rs -> {
                    double loss = rs.getDouble(9);
                    Double finalLoss = rs.wasNull() ? null : loss;
                    long steps = rs.getLong(10);
                    Long trainingSteps = rs.wasNull() ? null : steps;
                    double f1 = rs.getDouble(13);
                    Double evaluationF1 = rs.wasNull() ? null : f1;
                    Timestamp evaluatedAt = rs.getTimestamp(14);
                    out.add(new RegisteredAdapter(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), finalLoss, trainingSteps, rs.getString(11),
                            rs.getTimestamp(12).toInstant(), evaluationF1, evaluatedAt == null ? null : evaluatedAt.toInstant()));
                });
        return out;
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }
}
