package taiyi.workbench.store;

import java.util.List;
import java.util.stream.Collectors;

import taiyi.workbench.core.curation.CorrectionEvent;

/**
 * A decision made on a document whose log has moved on since the curator loaded it: someone else
 * (another workbench, a CLI, an undo in another window) decided on it in between. Nothing of the
 * decision was recorded; the message names who changed what, and the caller reloads the document
 * and lets the curator decide again on what is there now.
 */
public final class StaleDecisionException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** At most this many changes are spelled out in the message. */
    private static final int NAMED = 5;

    private final String documentId;
    private final long seenEventId;
    private final transient List<CorrectionEvent> changes;

    StaleDecisionException(String documentId, long seenEventId, List<CorrectionEvent> changes) {
        super(message(documentId, seenEventId, changes));
        this.documentId = documentId;
        this.seenEventId = seenEventId;
        this.changes = List.copyOf(changes);
    }

    private static String message(String documentId, long seenEventId, List<CorrectionEvent> changes) {
        String named = changes.stream().limit(NAMED).map(StaleDecisionException::describe).collect(Collectors.joining("; "));
        String more = changes.size() > NAMED ? "; and " + (changes.size() - NAMED) + " more" : "";
        return "document " + documentId + " changed since you loaded it (you saw event " + seenEventId + "): " + named + more
                + "; nothing was recorded, reload the document and decide again";
    }

    private static String describe(CorrectionEvent e) {
        String what = e.mentionAfter() != null ? " " + e.mentionAfter().id() + " (" + e.mentionAfter().type() + ")"
                : e.mentionBefore() != null ? " " + e.mentionBefore().id() + " (" + e.mentionBefore().type() + ")"
                : e.relationAfter() != null ? " relation " + e.relationAfter().id()
                : e.relationBefore() != null ? " relation " + e.relationBefore().id()
                : e.suggestionId() != null ? " suggestion " + e.suggestionId()
                : e.refersTo() > 0 ? " of event " + e.refersTo() : "";
        return e.user() + " " + e.action() + what + " at " + e.at() + " (event " + e.id() + ")";
    }

    public String documentId() {
        return documentId;
    }

    /** The newest event the refused decision was made on. */
    public long seenEventId() {
        return seenEventId;
    }

    /** The events recorded since, oldest first: who changed what. */
    public List<CorrectionEvent> changes() {
        return changes;
    }
}
