package taiyi.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import taiyi.workbench.core.curation.AnnotationSet;
import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.AnnotationLayer;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Relation;

/**
 * The correction log of documents and the curated rows that mirror its fold, inside the caller's
 * transaction. Appending an event and changing the curated rows happen in that one transaction, so
 * an acknowledged event and the curated layer can never disagree, whenever the process dies.
 */
final class CorrectionLog {

    /** An event's columns after its document, in the order {@link #events} reads and {@link #insert} writes them. */
    static final String EVENT_COLUMNS = "user_name, created_at, action, suggestion_key, refers_to, ui_location, duration_ms, payload";
    /**
     * A document's log, oldest first, with the event id before {@link #EVENT_COLUMNS}: the one query
     * that reads it ({@link DatabaseCopy} hashes the same columns to prove a copy).
     */
    static final String EVENTS_OF_DOCUMENT = "SELECT id, " + EVENT_COLUMNS + " FROM correction_event WHERE document_id = ? ORDER BY id";

    private final Connection c;
    private final EventCache cache;

    CorrectionLog(Connection c, EventCache cache) {
        this.c = c;
        this.cache = cache;
    }

    /** What {@link #append} did, for the caller to cache once the transaction has committed. */
    record Appended(long docId, List<CorrectionEvent> history, List<CorrectionEvent> stored) {
    }

    /** Locks a document's row until the transaction ends, so decisions on it are serialised. */
    void lock(long docId) throws SQLException {
        Jdbc.query(c, "SELECT id FROM document WHERE id = ? FOR UPDATE", ps -> ps.setLong(1, docId), rs -> { });
    }

    List<CorrectionEvent> events(long docId, String externalId) throws SQLException {
        long[] newest = {0};
        Jdbc.query(c, "SELECT COALESCE(MAX(id), 0) FROM correction_event WHERE document_id = ?", ps -> ps.setLong(1, docId),
                rs -> newest[0] = rs.getLong(1));
        List<CorrectionEvent> cached = cache.get(docId, newest[0]);
        if (cached != null) {
            return cached;
        }
        List<CorrectionEvent> events = new ArrayList<>();
        Jdbc.query(c, EVENTS_OF_DOCUMENT, ps -> ps.setLong(1, docId), rs -> {
                    AnnotationJson.Payload p = AnnotationJson.parse(rs.getString(9));
                    events.add(new CorrectionEvent(rs.getLong(1), externalId, rs.getString(2), rs.getTimestamp(3).toInstant(),
                            CorrectionAction.valueOf(rs.getString(4)), p.mentionBefore(), p.mentionAfter(), p.relationBefore(),
                            p.relationAfter(), rs.getString(5), p.imported(), rs.getLong(6), rs.getString(7), rs.getLong(8)));
                });
        if (!events.isEmpty() && events.get(events.size() - 1).id() == newest[0]) {
            cache.put(docId, events);
        }
        return events;
    }

    /** Writes the IMPORT event that starts a document's log. */
    void startLog(long docId, String externalId, AnnotationSet imported, String user, String source) throws SQLException {
        CorrectionEvent e = new CorrectionEvent(0, externalId, user, Instant.now(), CorrectionAction.IMPORT, null, null, null,
                null, null, imported, 0, source, 0);
        insert(docId, e);
        setState(docId, CurationState.NEW, null);
    }

    /**
     * Checks each event against the document's history (the batch's earlier events included),
     * appends it and brings the curated rows along; one event refused refuses the batch, since the
     * caller's transaction then rolls back. UNDO and REDO events must name the event the fold
     * offers next.
     */
    Appended append(long docId, List<CorrectionEvent> batch, DocumentInserter inserter) throws SQLException {
        return append(docId, batch, inserter, ANY_HISTORY);
    }

    /** For {@link #append(long, List, DocumentInserter, long)}: decide on whatever the log holds. */
    static final long ANY_HISTORY = -1;

    /**
     * {@link #append(long, List, DocumentInserter)}, but only onto the history a curator saw: when
     * the document's newest event is not {@code seenEventId} (someone decided on it since), the
     * batch is refused with a {@link StaleDecisionException} naming who changed what.
     */
    Appended append(long docId, List<CorrectionEvent> batch, DocumentInserter inserter, long seenEventId) throws SQLException {
        lock(docId);
        String externalId = batch.get(0).documentId();
        List<CorrectionEvent> history = events(docId, externalId);
        if (seenEventId != ANY_HISTORY) {
            long newest = history.isEmpty() ? 0 : history.get(history.size() - 1).id();
            if (newest != seenEventId) {
                throw new StaleDecisionException(externalId, seenEventId,
                        history.stream().filter(e -> e.id() > seenEventId).toList());
            }
        }
        List<CorrectionEvent> after = new ArrayList<>(history);
        List<CorrectionEvent> stored = new ArrayList<>(batch.size());
        String text = documentText(docId);
        CurationFold folded = null;
        for (CorrectionEvent event : batch) {
            CorrectionEvent written = insert(docId, event);
            after.add(written);
            stored.add(written);
            // folding the extended history is the check: an impossible decision throws before anything commits,
            // and so does one that would leave the curated layer inconsistent (a relation whose argument is gone)
            try {
                folded = CurationFold.of(after);
                checkConsistent(externalId, text, folded);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(position(batch, stored.size()) + e.getMessage(), e);
            }
            // what an UNDO or REDO walks is in the history so far, the batch's earlier events included
            CorrectionEvent walked = event.action() == CorrectionAction.UNDO || event.action() == CorrectionAction.REDO
                    ? find(after, event.refersTo()) : null;
            switch (event.action()) {
                case UNDO -> applyDelta(docId, walked.mentionAfter(), walked.mentionBefore(), walked.relationAfter(),
                        walked.relationBefore(), inserter);
                case REDO -> applyDelta(docId, walked.mentionBefore(), walked.mentionAfter(), walked.relationBefore(),
                        walked.relationAfter(), inserter);
                default -> applyDelta(docId, event.mentionBefore(), event.mentionAfter(), event.relationBefore(),
                        event.relationAfter(), inserter);
            }
        }
        setState(docId, folded.state(), batch.get(batch.size() - 1).user());
        return new Appended(docId, history, stored);
    }

    /** "event 3 of 4 (ACCEPT): " for a batch, nothing for a single event. */
    static String position(List<CorrectionEvent> batch, int oneBased) {
        return batch.size() == 1 ? "" : "event " + oneBased + " of " + batch.size() + " (" + batch.get(oneBased - 1).action() + "): ";
    }

    private static void checkConsistent(String externalId, String text, CurationFold folded) {
        new Document(externalId, Language.ENGLISH, text, List.of(), Map.of(), List.of(), folded.curated().mentions(),
                folded.curated().relations());
    }

    private String documentText(long docId) throws SQLException {
        String[] text = {null};
        Jdbc.query(c, "SELECT body FROM document WHERE id = ?", ps -> ps.setLong(1, docId), rs -> text[0] = rs.getString(1));
        return text[0];
    }

    private CorrectionEvent insert(long docId, CorrectionEvent e) throws SQLException {
        Instant at = Instant.now();
        try (PreparedStatement ps = Jdbc.prepareInsert(c, "INSERT INTO correction_event (document_id, " + EVENT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, docId);
            ps.setString(2, e.user());
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, e.action().name());
            ps.setString(5, e.suggestionId());
            if (e.refersTo() > 0) {
                ps.setLong(6, e.refersTo());
            } else {
                ps.setNull(6, Types.BIGINT);
            }
            ps.setString(7, e.uiLocation());
            ps.setLong(8, e.durationMs());
            ps.setString(9, AnnotationJson.payload(e.mentionBefore(), e.mentionAfter(), e.relationBefore(), e.relationAfter(),
                    e.imported()));
            return e.stored(Jdbc.insertReturningKey(ps), at);
        }
    }

    private static CorrectionEvent find(List<CorrectionEvent> history, long id) {
        return history.stream().filter(e -> e.id() == id).findFirst()
                .orElseThrow(() -> new StoreException("event " + id + " is not in the document's log"));
    }

    /** Makes the curated rows follow one change: remove what was before, add what is after. */
    private void applyDelta(long docId, EntityMention mentionBefore, EntityMention mentionAfter, Relation relationBefore,
            Relation relationAfter, DocumentInserter inserter) throws SQLException {
        if (mentionBefore != null) {
            delete("DELETE FROM entity_mention WHERE document_id = ? AND layer = ? AND mention_key = ?", docId,
                    mentionBefore.id());
        }
        if (relationBefore != null) {
            delete("DELETE FROM relation WHERE document_id = ? AND layer = ? AND relation_key = ?", docId, relationBefore.id());
        }
        if (mentionAfter != null) {
            inserter.insertMention(docId, mentionAfter, AnnotationLayer.CURATED);
        }
        if (relationAfter != null) {
            inserter.insertRelation(docId, relationAfter, AnnotationLayer.CURATED);
        }
        inserter.flush();
    }

    private void delete(String sql, long docId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, docId);
            ps.setString(2, AnnotationLayer.CURATED.id());
            ps.setString(3, key);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("the curated layer lacks " + key + " that the log says is there");
            }
        }
    }

    private void setState(long docId, CurationState state, String holder) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE curation_state SET state = ?, holder = ?, updated_at = ? WHERE document_id = ?")) {
            update.setString(1, state.name());
            update.setString(2, holder);
            update.setTimestamp(3, now);
            update.setLong(4, docId);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO curation_state (document_id, state, holder, updated_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, docId);
            insert.setString(2, state.name());
            insert.setString(3, holder);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
        }
    }
}
