package taiyi.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import taiyi.workbench.core.model.AnnotationLayer;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;

/** Writes whole documents (text, passages, metadata, labels, one annotation layer) inside the caller's transaction. */
final class DocumentInserter implements AutoCloseable {

    private final PreparedStatement doc;
    private final PreparedStatement meta;
    private final PreparedStatement label;
    private final PreparedStatement passage;
    private final PreparedStatement mention;
    private final PreparedStatement span;
    private final PreparedStatement norm;
    private final PreparedStatement attribute;
    private final PreparedStatement relation;
    private final PreparedStatement evidence;

    DocumentInserter(Connection c) throws SQLException {
        doc = Jdbc.prepareInsert(c, "INSERT INTO document (corpus_id, external_id, language, body, content_hash) "
                + "VALUES (?, ?, ?, ?, ?)");
        meta = c.prepareStatement("INSERT INTO document_metadata (document_id, meta_key, meta_value) VALUES (?, ?, ?)");
        label = c.prepareStatement("INSERT INTO document_label (document_id, ordinal, label) VALUES (?, ?, ?)");
        passage = c.prepareStatement("INSERT INTO passage (document_id, ordinal, passage_type, start_offset, end_offset) "
                + "VALUES (?, ?, ?, ?, ?)");
        mention = Jdbc.prepareInsert(c, "INSERT INTO entity_mention (document_id, layer, mention_key, entity_type) "
                + "VALUES (?, ?, ?, ?)");
        span = c.prepareStatement("INSERT INTO mention_span (mention_id, ordinal, start_offset, end_offset) VALUES (?, ?, ?, ?)");
        norm = c.prepareStatement("INSERT INTO mention_normalization (mention_id, ordinal, db_name, concept_id) "
                + "VALUES (?, ?, ?, ?)");
        attribute = c.prepareStatement("INSERT INTO mention_attribute (mention_id, ordinal, attr_key, attr_value) "
                + "VALUES (?, ?, ?, ?)");
        relation = Jdbc.prepareInsert(c, "INSERT INTO relation (document_id, layer, relation_key, relation_type, head_ref, "
                + "tail_ref) VALUES (?, ?, ?, ?, ?, ?)");
        evidence = c.prepareStatement("INSERT INTO relation_evidence (relation_id, ordinal, start_offset, end_offset) "
                + "VALUES (?, ?, ?, ?)");
    }

    /** Told each document's row id once its rows are written. */
    @FunctionalInterface
    interface InsertedDocument {
        void accept(Document d, long docId) throws SQLException;
    }

    void insert(long corpusId, List<Document> documents, AnnotationLayer layer, InsertedDocument onInserted) throws SQLException {
        for (Document d : documents) {
            doc.setLong(1, corpusId);
            doc.setString(2, d.id());
            doc.setString(3, d.language().code());
            doc.setString(4, d.text());
            doc.setString(5, SchemaMigrator.sha256(d.text()));
            long docId = Jdbc.insertReturningKey(doc);
            for (Map.Entry<String, String> e : d.metadata().entrySet()) {
                meta.setLong(1, docId);
                meta.setString(2, e.getKey());
                meta.setString(3, e.getValue());
                meta.addBatch();
            }
            int ordinal = 0;
            for (String l : d.labels()) {
                label.setLong(1, docId);
                label.setInt(2, ordinal++);
                label.setString(3, l);
                label.addBatch();
            }
            ordinal = 0;
            for (Passage p : d.passages()) {
                passage.setLong(1, docId);
                passage.setInt(2, ordinal++);
                passage.setString(3, p.type());
                passage.setInt(4, p.span().start());
                passage.setInt(5, p.span().end());
                passage.addBatch();
            }
            for (EntityMention m : d.mentions()) {
                insertMention(docId, m, layer);
            }
            for (Relation r : d.relations()) {
                insertRelation(docId, r, layer);
            }
            onInserted.accept(d, docId);
        }
        flush();
    }

    /** Runs the batched child rows (spans, concepts, attributes, …) queued so far. */
    void flush() throws SQLException {
        for (PreparedStatement batch : List.of(meta, label, passage, span, norm, attribute, evidence)) {
            batch.executeBatch();
        }
    }

    /** Adds one mention to a layer; its child rows wait for {@link #flush()}. Returns its row id. */
    long insertMention(long docId, EntityMention m, AnnotationLayer layer) throws SQLException {
        mention.setLong(1, docId);
        mention.setString(2, layer.id());
        mention.setString(3, m.id());
        mention.setString(4, m.type());
        long mentionId = Jdbc.insertReturningKey(mention);
        spans(span, mentionId, m.spans());
        int n = 0;
        for (Normalization concept : m.normalizations()) {
            norm.setLong(1, mentionId);
            norm.setInt(2, n++);
            norm.setString(3, concept.db());
            norm.setString(4, concept.id());
            norm.addBatch();
        }
        int a = 0;
        for (Map.Entry<String, String> e : m.attributes().entrySet()) {
            attribute.setLong(1, mentionId);
            attribute.setInt(2, a++);
            attribute.setString(3, e.getKey());
            attribute.setString(4, e.getValue());
            attribute.addBatch();
        }
        return mentionId;
    }

    /** Adds one relation to a layer; its evidence rows wait for {@link #flush()}. */
    long insertRelation(long docId, Relation r, AnnotationLayer layer) throws SQLException {
        relation.setLong(1, docId);
        relation.setString(2, layer.id());
        relation.setString(3, r.id());
        relation.setString(4, r.type());
        relation.setString(5, r.head());
        relation.setString(6, r.tail());
        long relationId = Jdbc.insertReturningKey(relation);
        spans(evidence, relationId, r.evidence());
        return relationId;
    }

    private static void spans(PreparedStatement ps, long ownerId, List<Span> spans) throws SQLException {
        int s = 0;
        for (Span sp : spans) {
            ps.setLong(1, ownerId);
            ps.setInt(2, s++);
            ps.setInt(3, sp.start());
            ps.setInt(4, sp.end());
            ps.addBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : List.of(doc, meta, label, passage, mention, span, norm, attribute, relation, evidence)) {
            ps.close();
        }
    }
}
