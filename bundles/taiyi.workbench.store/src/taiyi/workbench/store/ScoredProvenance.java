package taiyi.workbench.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import taiyi.workbench.core.model.AnnotationLayer;
import taiyi.workbench.core.model.Provenance;


/**
 * What the provenance columns of a suggested row hold (the same on suggested mentions and
 * suggested relations): where it came from and the model's score.
 */
record ScoredProvenance(Provenance provenance, double score) {

    /**
     * The provenance of a document's suggested rows of one table, by their key.
     *
     * @param table {@code entity_mention} or {@code relation}
     * @param keyColumn the table's key within the document
     */
    static Map<String, ScoredProvenance> ofSuggested(Connection c, long docId, String table, String keyColumn)
            throws SQLException {
        Map<String, ScoredProvenance> byKey = new HashMap<>();
        Jdbc.query(c, "SELECT " + keyColumn + ", model_id, adapter_id, prompt_template_id, suggestion_round, score FROM " + table
                + " WHERE document_id = ? AND layer = '" + AnnotationLayer.SUGGESTED.id() + "'", ps -> ps.setLong(1, docId),
                rs -> byKey.put(rs.getString(1), new ScoredProvenance(
                        new Provenance(rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)), rs.getDouble(6))));
        return byKey;
    }
}
