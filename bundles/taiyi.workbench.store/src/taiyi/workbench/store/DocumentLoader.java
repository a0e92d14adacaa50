package taiyi.workbench.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * Reads documents and one of their annotation layers back into the model: one document with a query
 * per table, or a whole corpus with one query per table (set-based, so a corpus of 1,000 documents
 * costs ten queries, not ten thousand).
 */
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

    /**
     * Every document of a corpus with the annotations of {@code layer}, in import order: the same
     * documents {@link #load} gives one by one (rows in the same order), read with one query per table.
     */
    List<Document> loadCorpus(long corpusId, AnnotationLayer layer) throws SQLException {
        Map<Long, DocumentRows> docs = new LinkedHashMap<>();
        byCorpus("SELECT id, external_id, language, body FROM document WHERE corpus_id = ? ORDER BY id", corpusId,
                rs -> docs.put(rs.getLong(1), new DocumentRows(rs.getString(2), rs.getString(3), rs.getString(4))));
        byCorpus("SELECT x.document_id, x.meta_key, x.meta_value FROM document_metadata x JOIN document d ON x.document_id = d.id "
                + "WHERE d.corpus_id = ? ORDER BY x.document_id, x.meta_key", corpusId,
                rs -> docs.get(rs.getLong(1)).metadata.put(rs.getString(2), rs.getString(3)));
        byCorpus("SELECT x.document_id, x.label FROM document_label x JOIN document d ON x.document_id = d.id "
                + "WHERE d.corpus_id = ? ORDER BY x.document_id, x.ordinal", corpusId,
                rs -> docs.get(rs.getLong(1)).labels.add(rs.getString(2)));
        byCorpus("SELECT x.document_id, x.passage_type, x.start_offset, x.end_offset FROM passage x JOIN document d "
                + "ON x.document_id = d.id WHERE d.corpus_id = ? ORDER BY x.document_id, x.ordinal", corpusId,
                rs -> docs.get(rs.getLong(1)).passages.add(new Passage(rs.getString(2), new Span(rs.getInt(3), rs.getInt(4)))));

        // a mention's or relation's rows come after its document's and in id order, as load reads them
        Map<Long, Long> mentionDocument = new HashMap<>();
        Map<Long, String[]> mentionRows = new LinkedHashMap<>();
        Map<Long, List<Span>> spans = new HashMap<>();
        Map<Long, List<Normalization>> norms = new HashMap<>();
        Map<Long, Map<String, String>> attributes = new HashMap<>();
        byCorpusAndLayer("SELECT m.id, m.document_id, m.mention_key, m.entity_type FROM entity_mention m JOIN document d "
                + "ON m.document_id = d.id WHERE d.corpus_id = ? AND m.layer = ? ORDER BY m.document_id, m.id", corpusId, layer, rs -> {
                    mentionDocument.put(rs.getLong(1), rs.getLong(2));
                    mentionRows.put(rs.getLong(1), new String[] {rs.getString(3), rs.getString(4)});
                });
        byCorpusAndLayer("SELECT s.mention_id, s.start_offset, s.end_offset FROM mention_span s JOIN entity_mention m "
                + "ON s.mention_id = m.id JOIN document d ON m.document_id = d.id WHERE d.corpus_id = ? AND m.layer = ? "
                + "ORDER BY s.mention_id, s.ordinal", corpusId, layer,
                rs -> spans.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Span(rs.getInt(2), rs.getInt(3))));
        byCorpusAndLayer("SELECT n.mention_id, n.db_name, n.concept_id FROM mention_normalization n JOIN entity_mention m "
                + "ON n.mention_id = m.id JOIN document d ON m.document_id = d.id WHERE d.corpus_id = ? AND m.layer = ? "
                + "ORDER BY n.mention_id, n.ordinal", corpusId, layer,
                rs -> norms.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Normalization(rs.getString(2), rs.getString(3))));
        byCorpusAndLayer("SELECT a.mention_id, a.attr_key, a.attr_value FROM mention_attribute a JOIN entity_mention m "
                + "ON a.mention_id = m.id JOIN document d ON m.document_id = d.id WHERE d.corpus_id = ? AND m.layer = ? "
                + "ORDER BY a.mention_id, a.ordinal", corpusId, layer,
                rs -> attributes.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3)));
        mentionRows.forEach((mentionId, m) -> docs.get(mentionDocument.get(mentionId)).mentions.add(new EntityMention(m[0], m[1],
                spans.getOrDefault(mentionId, List.of()), norms.getOrDefault(mentionId, List.of()),
                attributes.getOrDefault(mentionId, Map.of()))));

        Map<Long, Long> relationDocument = new HashMap<>();
        Map<Long, String[]> relationRows = new LinkedHashMap<>();
        Map<Long, List<Span>> evidence = new HashMap<>();
        byCorpusAndLayer("SELECT r.id, r.document_id, r.relation_key, r.relation_type, r.head_ref, r.tail_ref FROM relation r "
                + "JOIN document d ON r.document_id = d.id WHERE d.corpus_id = ? AND r.layer = ? ORDER BY r.document_id, r.id",
                corpusId, layer, rs -> {
                    relationDocument.put(rs.getLong(1), rs.getLong(2));
                    relationRows.put(rs.getLong(1), new String[] {rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
                });
        byCorpusAndLayer("SELECT e.relation_id, e.start_offset, e.end_offset FROM relation_evidence e JOIN relation r "
                + "ON e.relation_id = r.id JOIN document d ON r.document_id = d.id WHERE d.corpus_id = ? AND r.layer = ? "
                + "ORDER BY e.relation_id, e.ordinal", corpusId, layer,
                rs -> evidence.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Span(rs.getInt(2), rs.getInt(3))));
        relationRows.forEach((relationId, r) -> docs.get(relationDocument.get(relationId)).relations.add(new Relation(r[0], r[1], r[2],
                r[3], evidence.getOrDefault(relationId, List.of()))));

        List<Document> out = new ArrayList<>(docs.size());
        for (DocumentRows d : docs.values()) {
            out.add(new Document(d.externalId, Language.fromCode(d.language), d.body, d.passages, d.metadata, d.labels, d.mentions,
                    d.relations));
        }
        return out;
    }

    /** One document's rows as the corpus-wide queries gather them. */
    private static final class DocumentRows {
        final String externalId;
        final String language;
        final String body;
        final Map<String, String> metadata = new LinkedHashMap<>();
        final List<String> labels = new ArrayList<>();
        final List<Passage> passages = new ArrayList<>();
        final List<EntityMention> mentions = new ArrayList<>();
        final List<Relation> relations = new ArrayList<>();

        DocumentRows(String externalId, String language, String body) {
            this.externalId = externalId;
            this.language = language;
            this.body = body;
        }
    }

    private void byCorpus(String sql, long corpusId, Jdbc.RowReader reader) throws SQLException {
        Jdbc.query(c, sql, ps -> ps.setLong(1, corpusId), reader);
    }

    private void byCorpusAndLayer(String sql, long corpusId, AnnotationLayer layer, Jdbc.RowReader reader) throws SQLException {
        Jdbc.query(c, sql, ps -> {
            ps.setLong(1, corpusId);
            ps.setString(2, layer.id());
        }, reader);
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
