package taiyi.workbench.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a row of the suggestion layer came from, as the provenance columns hold it (the same on
 * suggested mentions and suggested relations).
 */
record Provenance(String modelId, String adapterId, String promptTemplateId, int round, double score) {

    /**
     * The provenance of a document's suggested rows of one table, by their key.
     *
     * @param table {@code entity_mention} or {@code relation}
     * @param keyColumn the table's key within the document
     */
    static Map<String, Provenance> ofSuggested(Connection c, long docId, String table, String keyColumn) throws SQLException {
        Map<String, Provenance> byKey = new HashMap<>();
        Jdbc.query(c, "SELECT " + keyColumn + ", model_id, adapter_id, prompt_template_id, suggestion_round, score FROM " + table
                + " WHERE document_id = ? AND layer = '" + CorpusStore.SUGGESTED + "'", ps -> ps.setLong(1, docId),
                rs -> byKey.put(rs.getString(1), new Provenance(rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getDouble(6))));
        return byKey;
    }
}
