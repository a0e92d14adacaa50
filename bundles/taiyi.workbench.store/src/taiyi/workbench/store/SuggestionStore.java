package taiyi.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.LabelSuggestion;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.AnnotationLayer;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;

/**
 * The suggestion layer of a store's documents: what models proposed, with where it came from
 * (model, adapter, prompt template, round, score).
 */
public final class SuggestionStore {

    private final CorpusStore store;

    SuggestionStore(CorpusStore store) {
        this.store = store;
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
        store.inTransaction("cannot add suggestions to document " + documentId, c -> {
            long docId = CorpusStore.existingDocumentId(c, corpus, documentId);
            String text = documentText(c, docId);
            Set<String> arguments = new HashSet<>();
            Jdbc.query(c, "SELECT m.mention_key, n.concept_id FROM entity_mention m LEFT JOIN mention_normalization n "
                    + "ON n.mention_id = m.id WHERE m.document_id = ? AND m.layer = '" + AnnotationLayer.SUGGESTED.id() + "'",
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
                    setProvenance(mentionProvenance, inserter.insertMention(docId, s.mention(), AnnotationLayer.SUGGESTED), s.provenance(),
                            s.score());
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
                    setProvenance(relationProvenance, inserter.insertRelation(docId, r.relation(), AnnotationLayer.SUGGESTED), r.provenance(),
                            r.score());
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
                    label.setString(4, l.provenance().modelId());
                    label.setString(5, l.provenance().adapterId());
                    label.setString(6, l.provenance().promptTemplateId());
                    label.setInt(7, l.provenance().round());
                    label.setDouble(8, l.score());
                    label.addBatch();
                }
                label.executeBatch();
            }
            return null;
        });
        store.changed(corpus, List.of(documentId));
    }

    private static PreparedStatement provenanceUpdate(Connection c, String table) throws SQLException {
        return c.prepareStatement("UPDATE " + table + " SET model_id = ?, adapter_id = ?, prompt_template_id = ?, "
                + "suggestion_round = ?, score = ? WHERE id = ?");
    }

    private static void setProvenance(PreparedStatement ps, long rowId, Provenance provenance, double score)
            throws SQLException {
        ps.setString(1, provenance.modelId());
        ps.setString(2, provenance.adapterId());
        ps.setString(3, provenance.promptTemplateId());
        ps.setInt(4, provenance.round());
        ps.setDouble(5, score);
        ps.setLong(6, rowId);
        ps.addBatch();
    }

    /**
     * Whether the document already holds suggestions of this model and adapter for this round
     * (pre-annotating it again would propose the same things twice).
     */
    public boolean hasSuggestionsFrom(String corpus, String documentId, String modelId, String adapterId, int round) {
        return store.read("cannot read the suggestions of document " + documentId, c -> {
            long docId = CorpusStore.existingDocumentId(c, corpus, documentId);
            boolean[] found = {false};
            for (String sql : List.of("SELECT 1 FROM entity_mention WHERE document_id = ? AND layer = '" + AnnotationLayer.SUGGESTED.id() + "' AND "
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

    /**
     * Removes from a document's suggestion layer the mentions a source suggested in rounds before
     * {@code round} that no decision refers to: a learner's new round replaces its open suggestions
     * instead of piling a second copy beside them, while what a curator accepted, rejected or skipped
     * stays, since the correction log names it.
     *
     * @return how many suggestions were removed
     */
    public int removeUndecidedBefore(String corpus, String documentId, String modelId, int round) {
        int removed = store.inTransaction("cannot remove the earlier suggestions of " + modelId + " from document " + documentId, c -> {
            long docId = CorpusStore.existingDocumentId(c, corpus, documentId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM entity_mention WHERE document_id = ? AND layer = '"
                    + AnnotationLayer.SUGGESTED.id() + "' AND model_id = ? AND suggestion_round < ? AND mention_key NOT IN "
                    + "(SELECT suggestion_key FROM correction_event WHERE document_id = ? AND suggestion_key IS NOT NULL)")) {
                ps.setLong(1, docId);
                ps.setString(2, modelId);
                ps.setInt(3, round);
                ps.setLong(4, docId);
                return ps.executeUpdate();
            }
        });
        if (removed > 0) {
            store.changed(corpus, List.of(documentId));
        }
        return removed;
    }

    /** A document's suggested relations, in the order they were added. */
    public List<RelationSuggestion> relationSuggestions(String corpus, String documentId) {
        return store.read("cannot read the relation suggestions of document " + documentId, c -> {
            long docId = CorpusStore.existingDocumentId(c, corpus, documentId);
            return relationSuggestions(c, docId, new DocumentLoader(c).load(corpus, documentId, AnnotationLayer.SUGGESTED).orElseThrow());
        });
    }

    private static List<RelationSuggestion> relationSuggestions(Connection c, long docId, Document layer) throws SQLException {
        Map<String, ScoredProvenance> provenance = ScoredProvenance.ofSuggested(c, docId, "relation", "relation_key");
        List<RelationSuggestion> out = new ArrayList<>();
        for (Relation r : layer.relations()) {
            ScoredProvenance p = provenance.get(r.id());
            out.add(new RelationSuggestion(r, p.provenance(), p.score()));
        }
        return out;
    }

    /** A document's suggested labels, in the order they were added. */
    public List<LabelSuggestion> labelSuggestions(String corpus, String documentId) {
        return store.read("cannot read the label suggestions of document " + documentId,
                c -> labelSuggestions(c, CorpusStore.existingDocumentId(c, corpus, documentId)));
    }

    private static List<LabelSuggestion> labelSuggestions(Connection c, long docId) throws SQLException {
        List<LabelSuggestion> out = new ArrayList<>();
        Jdbc.query(c, "SELECT label, model_id, adapter_id, prompt_template_id, suggestion_round, score FROM label_suggestion "
                + "WHERE document_id = ? ORDER BY ordinal", ps -> ps.setLong(1, docId), rs -> out.add(new LabelSuggestion(
                        rs.getString(1), new Provenance(rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)), rs.getDouble(6))));
        return out;
    }

    /** A document's suggestion layer, in the order the suggestions were added. */
    public List<Suggestion> suggestions(String corpus, String documentId) {
        return store.read("cannot read the suggestions of document " + documentId, c -> {
            long docId = CorpusStore.existingDocumentId(c, corpus, documentId);
            return suggestions(c, docId, new DocumentLoader(c).load(corpus, documentId, AnnotationLayer.SUGGESTED).orElseThrow());
        });
    }

    private static List<Suggestion> suggestions(Connection c, long docId, Document layer) throws SQLException {
        Map<String, ScoredProvenance> provenance = ScoredProvenance.ofSuggested(c, docId, "entity_mention", "mention_key");
        List<Suggestion> out = new ArrayList<>();
        for (EntityMention m : layer.mentions()) {
            ScoredProvenance p = provenance.get(m.id());
            out.add(new Suggestion(m, p.provenance(), p.score()));
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
        return store.read("cannot read the suggestions of document " + documentId, c -> {
            long docId = CorpusStore.existingDocumentId(c, corpus, documentId);
            Document layer = new DocumentLoader(c).load(corpus, documentId, AnnotationLayer.SUGGESTED).orElseThrow();
            return new SuggestionLayer(suggestions(c, docId, layer), relationSuggestions(c, docId, layer), labelSuggestions(c, docId));
        });
    }

    /** A decision names a suggestion of the document: one row looked up, not the whole layer (this runs per keystroke). */
    static void checkSuggestion(Connection c, long docId, CorrectionEvent event, String position) throws SQLException {
        boolean[] found = {false};
        // a suggested mention or a suggested relation
        Jdbc.query(c, "SELECT 1 FROM entity_mention WHERE document_id = ? AND layer = '" + AnnotationLayer.SUGGESTED.id() + "' AND mention_key = ? "
                + "UNION ALL SELECT 1 FROM relation WHERE document_id = ? AND layer = '" + AnnotationLayer.SUGGESTED.id() + "' AND relation_key = ?",
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
}
