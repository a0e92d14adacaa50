package taiyi.workbench.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.curation.CurationState;

/**
 * A store's correction log: curators' decisions recorded (checked against each document's history
 * and applied to its curated layer in the same transaction), undo and redo, and what the log
 * folds to.
 */
public final class CorrectionStore {

    private final CorpusStore store;

    CorrectionStore(CorpusStore store) {
        this.store = store;
    }
    /**
     * Records a curator's decision on a document: checked against the document's history (a MODIFY
     * of a mention that is not there, an ACCEPT of a suggestion twice… are refused with the reason),
     * appended to its log and applied to its curated layer in one transaction. When this returns the
     * event is durable.
     *
     * @return the event as stored, with its log position
     */
    public CorrectionEvent record(String corpus, CorrectionEvent event) {
        return record(corpus, List.of(event)).get(0);
    }

    /**
     * Records several decisions on one document in one transaction, in order: each is checked
     * against the history with the batch's earlier events in it, and one refused event refuses
     * them all (nothing is written). Each stays its own log entry, so undo takes them back one by
     * one. Listeners hear of the batch once. A key that makes several decisions (accepting a
     * suggested relation with its argument suggestions, accept-all) pays for one commit, not one
     * per event.
     *
     * @return the events as stored, with their log positions, in the order given
     * @throws StoreException naming the refused event's place in the batch and the reason
     */
    public List<CorrectionEvent> record(String corpus, List<CorrectionEvent> batch) {
        return record(corpus, batch, CorrectionLog.ANY_HISTORY);
    }

    /**
     * Records decisions made on the history a curator saw, whose newest event is {@code seenEventId}
     * (the id of the last event of the fold the decision was made on; 0 for an empty log). When
     * another curator or process has decided on the document since, nothing is recorded: the
     * {@link StaleDecisionException} names who changed what, and the caller reloads the document.
     * This is optimistic concurrency on the document's event sequence: two workbenches on one
     * PostgreSQL database never lose a decision, nor decide on a layer they have not seen.
     *
     * @throws StaleDecisionException when the log has moved past {@code seenEventId}
     */
    public List<CorrectionEvent> record(String corpus, List<CorrectionEvent> batch, long seenEventId) {
        if (seenEventId < CorrectionLog.ANY_HISTORY) {
            throw new StoreException("seen event id " + seenEventId + " is negative");
        }
        if (batch.isEmpty()) {
            return List.of();
        }
        String documentId = batch.get(0).documentId();
        for (int i = 0; i < batch.size(); i++) {
            CorrectionEvent event = batch.get(i);
            if (event.action() == CorrectionAction.IMPORT) {
                throw new StoreException(CorrectionLog.position(batch, i + 1) + "IMPORT events are written by importDocuments only");
            }
            if (!event.documentId().equals(documentId)) {
                throw new StoreException(CorrectionLog.position(batch, i + 1) + "a batch is on one document: " + documentId
                        + ", not " + event.documentId() + "; nothing was recorded");
            }
        }
        String what = batch.size() == 1 ? batch.get(0).action().toString() : batch.size() + " events";
        CorrectionLog.Appended appended = store.inTransaction("cannot record " + what + " on document " + documentId, c -> {
            long docId = CorpusStore.existingDocumentId(c, corpus, documentId);
            for (int i = 0; i < batch.size(); i++) {
                CorrectionEvent event = batch.get(i);
                if (event.action() == CorrectionAction.ACCEPT || event.action() == CorrectionAction.REJECT) {
                    SuggestionStore.checkSuggestion(c, docId, event, CorrectionLog.position(batch, i + 1));
                }
            }
            try (DocumentInserter inserter = new DocumentInserter(c)) {
                return new CorrectionLog(c, store.events()).append(docId, batch, inserter, seenEventId);
            } catch (IllegalArgumentException e) {
                throw new StoreException("document " + documentId + ": " + e.getMessage()
                        + (batch.size() == 1 ? "" : "; nothing of the batch was recorded"), e);
            }
        });
        // cached only now that the transaction has committed
        store.events().append(appended.docId(), appended.history(), appended.stored());
        store.changed(corpus, List.of(documentId));
        return appended.stored();
    }

    /** Takes back the document's latest effective decision; empty when there is none. */
    public Optional<CorrectionEvent> undo(String corpus, String documentId, String user, String uiLocation) {
        return fold(corpus, documentId).nextUndo().map(target -> record(corpus, new CorrectionEvent(0, documentId, user,
                Instant.now(), CorrectionAction.UNDO, null, null, null, null, null, null, target.id(), uiLocation, 0)));
    }

    /** Makes the document's latest undone decision again; empty when there is none. */
    public Optional<CorrectionEvent> redo(String corpus, String documentId, String user, String uiLocation) {
        return fold(corpus, documentId).nextRedo().map(target -> record(corpus, new CorrectionEvent(0, documentId, user,
                Instant.now(), CorrectionAction.REDO, null, null, null, null, null, null, target.id(), uiLocation, 0)));
    }

    /** {@link #record(String, CorrectionEvent)} on the history whose newest event is {@code seenEventId}. */
    public CorrectionEvent record(String corpus, CorrectionEvent event, long seenEventId) {
        return record(corpus, List.of(event), seenEventId).get(0);
    }

    /** The id of a document's newest event: what a curator who reads the log now has seen. */
    public long newestEventId(String corpus, String documentId) {
        List<CorrectionEvent> events = events(corpus, documentId);
        return events.isEmpty() ? 0 : events.get(events.size() - 1).id();
    }

    /** A document's correction log, oldest first (its IMPORT first). */
    public List<CorrectionEvent> events(String corpus, String documentId) {
        return store.read("cannot read the log of document " + documentId,
                c -> new CorrectionLog(c, store.events()).events(CorpusStore.existingDocumentId(c, corpus, documentId), documentId));
    }

    /**
     * How many events of a corpus's log are not its imports: the decisions (and their undos and redos)
     * that retraining "every N decisions" counts, read with one query whatever the corpus's size.
     */
    public long decisionCount(String corpus) {
        return store.read("cannot count the decisions of corpus " + corpus, c -> {
            long[] n = {0};
            Jdbc.query(c, "SELECT COUNT(*) FROM correction_event e JOIN document d ON e.document_id = d.id "
                    + "JOIN corpus k ON d.corpus_id = k.id WHERE k.name = ? AND e.action <> ?", ps -> {
                        ps.setString(1, corpus);
                        ps.setString(2, CorrectionAction.IMPORT.name());
                    }, rs -> n[0] = rs.getLong(1));
            return n[0];
        });
    }

    /** A document's log folded: curated layer, curation state, decisions, undo and redo. */
    public CurationFold fold(String corpus, String documentId) {
        return CurationFold.of(events(corpus, documentId));
    }

    /** Where a document stands in curation and who holds it (null when nobody has acted on it). */
    public record Curation(CurationState state, String holder) {
    }

    public Curation curation(String corpus, String documentId) {
        return store.read("cannot read the curation state of document " + documentId, c -> {
            long docId = CorpusStore.existingDocumentId(c, corpus, documentId);
            Curation[] out = {new Curation(CurationState.NEW, null)};
            Jdbc.query(c, "SELECT state, holder FROM curation_state WHERE document_id = ?", ps -> ps.setLong(1, docId),
                    rs -> out[0] = new Curation(CurationState.valueOf(rs.getString(1)), rs.getString(2)));
            return out[0];
        });
    }

    /**
     * Each document of a corpus with its newest correction event and its curators, by document id:
     * two grouped queries, not one log read per document.
     */
    public java.util.Map<String, DocumentHistory> histories(String corpus) {
        java.util.Map<String, Long> last = new java.util.HashMap<>();
        java.util.Map<String, java.util.TreeSet<String>> curators = new java.util.HashMap<>();
        store.read("cannot read the correction log of corpus '" + corpus + "'", c -> {
            long corpusId = CorpusStore.existingCorpusId(c, corpus);
            Jdbc.query(c, "SELECT d.external_id, MAX(e.id) FROM document d JOIN correction_event e ON e.document_id = d.id "
                    + "WHERE d.corpus_id = ? GROUP BY d.external_id", ps -> ps.setLong(1, corpusId),
                    rs -> last.put(rs.getString(1), rs.getLong(2)));
            Jdbc.query(c, "SELECT DISTINCT d.external_id, e.user_name FROM document d JOIN correction_event e "
                    + "ON e.document_id = d.id WHERE d.corpus_id = ? AND e.action <> ?", ps -> {
                        ps.setLong(1, corpusId);
                        ps.setString(2, CorrectionAction.IMPORT.name());
                    }, rs -> curators.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>()).add(rs.getString(2)));
            return null;
        });
        java.util.Map<String, DocumentHistory> out = new java.util.HashMap<>();
        last.forEach((id, event) -> out.put(id, new DocumentHistory(id, event,
                new java.util.ArrayList<>(curators.getOrDefault(id, new java.util.TreeSet<>())))));
        return out;
    }
}
