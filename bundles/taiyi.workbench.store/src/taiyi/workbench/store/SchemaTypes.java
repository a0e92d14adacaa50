package taiyi.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;

/** Reads and writes a corpus's label schema (table {@code schema_type}). */
final class SchemaTypes {

    private static final String ENTITY = "entity";
    private static final String RELATION = "relation";
    private static final String LABEL = "label";

    private SchemaTypes() {
    }

    static LabelSchema load(Connection c, long corpusId) throws SQLException {
        return new LabelSchema(load(c, corpusId, ENTITY), load(c, corpusId, RELATION), load(c, corpusId, LABEL));
    }

    private static List<EntityType> load(Connection c, long corpusId, String kind) throws SQLException {
        List<EntityType> out = new ArrayList<>();
        Jdbc.query(c, "SELECT name, display_en, display_zh FROM schema_type WHERE corpus_id = ? AND kind = ? ORDER BY ordinal",
                ps -> {
                    ps.setLong(1, corpusId);
                    ps.setString(2, kind);
                }, rs -> out.add(new EntityType(rs.getString(1), rs.getString(2), rs.getString(3))));
        return out;
    }

    static void save(Connection c, long corpusId, LabelSchema schema) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM schema_type WHERE corpus_id = ?")) {
            delete.setLong(1, corpusId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO schema_type (corpus_id, kind, ordinal, name, "
                + "display_en, display_zh) VALUES (?, ?, ?, ?, ?, ?)")) {
            add(insert, corpusId, ENTITY, schema.entityTypes());
            add(insert, corpusId, RELATION, schema.relationTypes());
            add(insert, corpusId, LABEL, schema.documentLabels());
            insert.executeBatch();
        }
    }

    private static void add(PreparedStatement insert, long corpusId, String kind, List<EntityType> types) throws SQLException {
        int ordinal = 0;
        for (EntityType t : types) {
            insert.setLong(1, corpusId);
            insert.setString(2, kind);
            insert.setInt(3, ordinal++);
            insert.setString(4, t.name());
            insert.setString(5, t.english());
            insert.setString(6, t.chinese());
            insert.addBatch();
        }
    }
}
