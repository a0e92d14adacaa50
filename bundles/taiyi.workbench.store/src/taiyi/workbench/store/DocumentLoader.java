package taiyi.workbench.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import taiyi.workbench.core.model.AnnotationLayer;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;

/** Reads one document and one of its annotation layers back into the model. */
final class DocumentLoader {

    private final Connection c;

    DocumentLoader(Connection c) {
        this.c = c;
    }

    /** The document with the annotations of {@code layer}, or with none when {@code layer} is null. */
    Optional<Document> load(String corpus, String externalId, AnnotationLayer layer) throws SQLException {
        long[] docId = {-1};
        String[] row = new String[2];
        Jdbc.query(c, "SELECT d.id, d.language, d.body FROM document d JOIN corpus c ON d.corpus_id = c.id "
                + "WHERE c.name = ? AND d.external_id = ?", ps -> {
                    ps.setString(1, corpus);
                    ps.setString(2, externalId);
                }, rs -> {
                    docId[0] = rs.getLong(1);
                    row[0] = rs.getString(2);
                    row[1] = rs.getString(3);
                });
        if (docId[0] < 0) {
            return Optional.empty();
        }
        long id = docId[0];
        Map<String, String> metadata = new LinkedHashMap<>();
        byDocument("SELECT meta_key, meta_value FROM document_metadata WHERE document_id = ? ORDER BY meta_key", id,
                rs -> metadata.put(rs.getString(1), rs.getString(2)));
        List<String> labels = new ArrayList<>();
        byDocument("SELECT label FROM document_label WHERE document_id = ? ORDER BY ordinal", id,
                rs -> labels.add(rs.getString(1)));
        List<Passage> passages = new ArrayList<>();
        byDocument("SELECT passage_type, start_offset, end_offset FROM passage WHERE document_id = ? ORDER BY ordinal", id,
                rs -> passages.add(new Passage(rs.getString(1), new Span(rs.getInt(2), rs.getInt(3)))));
        if (layer == null) {
            return Optional.of(new Document(externalId, Language.fromCode(row[0]), row[1], passages, metadata, labels, List.of(),
                    List.of()));
        }

        Map<Long, String[]> mentionRows = new LinkedHashMap<>();
        Map<Long, List<Span>> spans = new LinkedHashMap<>();
        Map<Long, List<Normalization>> norms = new LinkedHashMap<>();
        Map<Long, Map<String, String>> attributes = new LinkedHashMap<>();
        byDocumentAndLayer("SELECT id, mention_key, entity_type FROM entity_mention WHERE document_id = ? AND layer = ? "
                + "ORDER BY id", id, layer, rs -> mentionRows.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)}));
        byDocumentAndLayer("SELECT s.mention_id, s.start_offset, s.end_offset FROM mention_span s JOIN entity_mention m "
                + "ON s.mention_id = m.id WHERE m.document_id = ? AND m.layer = ? ORDER BY s.mention_id, s.ordinal", id, layer,
                rs -> spans.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Span(rs.getInt(2), rs.getInt(3))));
        byDocumentAndLayer("SELECT n.mention_id, n.db_name, n.concept_id FROM mention_normalization n JOIN entity_mention m "
                + "ON n.mention_id = m.id WHERE m.document_id = ? AND m.layer = ? ORDER BY n.mention_id, n.ordinal", id, layer,
                rs -> norms.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Normalization(rs.getString(2), rs.getString(3))));
        byDocumentAndLayer("SELECT a.mention_id, a.attr_key, a.attr_value FROM mention_attribute a JOIN entity_mention m "
                + "ON a.mention_id = m.id WHERE m.document_id = ? AND m.layer = ? ORDER BY a.mention_id, a.ordinal", id, layer,
                rs -> attributes.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3)));
        List<EntityMention> mentions = new ArrayList<>();
        mentionRows.forEach((mentionId, m) -> mentions.add(new EntityMention(m[0], m[1], spans.getOrDefault(mentionId, List.of()),
                norms.getOrDefault(mentionId, List.of()), attributes.getOrDefault(mentionId, Map.of()))));

        Map<Long, String[]> relationRows = new LinkedHashMap<>();
        Map<Long, List<Span>> evidence = new LinkedHashMap<>();
        byDocumentAndLayer("SELECT id, relation_key, relation_type, head_ref, tail_ref FROM relation WHERE document_id = ? "
                + "AND layer = ? ORDER BY id", id, layer, rs -> relationRows.put(rs.getLong(1),
                        new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)}));
        byDocumentAndLayer("SELECT e.relation_id, e.start_offset, e.end_offset FROM relation_evidence e JOIN relation r "
                + "ON e.relation_id = r.id WHERE r.document_id = ? AND r.layer = ? ORDER BY e.relation_id, e.ordinal", id, layer,
                rs -> evidence.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Span(rs.getInt(2), rs.getInt(3))));
        List<Relation> relations = new ArrayList<>();
        relationRows.forEach((relationId, r) -> relations.add(new Relation(r[0], r[1], r[2], r[3],
                evidence.getOrDefault(relationId, List.of()))));
        return Optional.of(new Document(externalId, Language.fromCode(row[0]), row[1], passages, metadata, labels, mentions,
                relations));
    }

    private void byDocument(String sql, long docId, Jdbc.RowReader reader) throws SQLException {
        Jdbc.query(c, sql, ps -> ps.setLong(1, docId), reader);
    }

    private void byDocumentAndLayer(String sql, long docId, AnnotationLayer layer, Jdbc.RowReader reader) throws SQLException {
        Jdbc.query(c, sql, ps -> {
            ps.setLong(1, docId);
            ps.setString(2, layer.id());
        }, reader);
    }
}
