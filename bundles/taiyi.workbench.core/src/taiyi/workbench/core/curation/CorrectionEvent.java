package taiyi.workbench.core.curation;

import java.time.Instant;
import java.util.Objects;

import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;

/**
 * One entry of a document's correction log.
 *
 * <p>Mention and relation payloads say what the curated layer held before and after: a creation has
 * only {@code after}, a deletion only {@code before}, a modification both. An {@link CorrectionAction#IMPORT}
 * carries the imported annotations in {@code imported}; {@link CorrectionAction#UNDO} and
 * {@link CorrectionAction#REDO} name the event they walk back or forth in {@code refersTo}.
 *
 * @param id position in the log, assigned by the store (0 before it is stored)
 * @param documentId the document's external id
 * @param user who acted
 * @param at when
 * @param action what was done
 * @param mentionBefore the curated mention before, or null
 * @param mentionAfter the curated mention after, or null
 * @param relationBefore the curated relation before, or null
 * @param relationAfter the curated relation after, or null
 * @param suggestionId the suggestion the decision answered, or null
 * @param imported the imported annotations, for IMPORT only
 * @param refersTo the event an UNDO or REDO walks, else 0
 * @param uiLocation where in the UI the decision was made ({@code editor:keyboard}, {@code cli}, …)
 * @param durationMs how long the decision took, from showing the item to acting, in ms
 */
public record CorrectionEvent(long id, String documentId, String user, Instant at, CorrectionAction action,
        EntityMention mentionBefore, EntityMention mentionAfter, Relation relationBefore, Relation relationAfter,
        String suggestionId, AnnotationSet imported, long refersTo, String uiLocation, long durationMs) {

    public CorrectionEvent {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        uiLocation = uiLocation == null ? "" : uiLocation;
        if (durationMs < 0) {
            throw new IllegalArgumentException("a decision cannot take " + durationMs + " ms");
        }
        boolean mention = mentionBefore != null || mentionAfter != null;
        boolean relation = relationBefore != null || relationAfter != null;
        if (mention && relation) {
            throw new IllegalArgumentException(action + " event changes a mention and a relation at once");
        }
        switch (action) {
            case IMPORT -> require(imported != null && !mention && !relation, "IMPORT carries the imported annotations only");
            case CREATE, ACCEPT -> require(isAfterOnly(mentionBefore, mentionAfter) || isAfterOnly(relationBefore, relationAfter),
                    action + " needs an annotation after and none before");
            case DELETE -> require(isAfterOnly(mentionAfter, mentionBefore) || isAfterOnly(relationAfter, relationBefore),
                    "DELETE needs an annotation before and none after");
            case MODIFY -> require(mentionBefore != null && mentionAfter != null && mentionBefore.id().equals(mentionAfter.id())
                    || relationBefore != null && relationAfter != null && relationBefore.id().equals(relationAfter.id()),
                    "MODIFY needs the same annotation id before and after");
            case UNDO, REDO -> require(refersTo > 0 && !mention && !relation, action + " names the event it walks, nothing else");
            case REJECT, SKIP, MARK_DONE -> require(!mention && !relation, action + " changes no annotation");
            default -> throw new IllegalStateException(action.name());
        }
        if (action == CorrectionAction.ACCEPT || action == CorrectionAction.REJECT) {
            require(suggestionId != null, action + " names the suggestion it answers");
        }
    }

    private static boolean isAfterOnly(Object before, Object after) {
        return before == null && after != null;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A curator's decision about a mention, not yet stored. */
    public static CorrectionEvent onMention(String documentId, String user, CorrectionAction action, EntityMention before,
            EntityMention after, String suggestionId, String uiLocation, long durationMs) {
        return new CorrectionEvent(0, documentId, user, Instant.now(), action, before, after, null, null, suggestionId, null, 0,
                uiLocation, durationMs);
    }

    /** A curator's decision about a relation, not yet stored. */
    public static CorrectionEvent onRelation(String documentId, String user, CorrectionAction action, Relation before,
            Relation after, String uiLocation, long durationMs) {
        return new CorrectionEvent(0, documentId, user, Instant.now(), action, null, null, before, after, null, null, 0,
                uiLocation, durationMs);
    }

    /** A decision that changes no annotation (REJECT, SKIP, MARK_DONE), not yet stored. */
    public static CorrectionEvent decision(String documentId, String user, CorrectionAction action, String suggestionId,
            String uiLocation, long durationMs) {
        return new CorrectionEvent(0, documentId, user, Instant.now(), action, null, null, null, null, suggestionId, null, 0,
                uiLocation, durationMs);
    }

    /** This event as stored, with its log position and time. */
    public CorrectionEvent stored(long newId, Instant storedAt) {
        return new CorrectionEvent(newId, documentId, user, storedAt, action, mentionBefore, mentionAfter, relationBefore,
                relationAfter, suggestionId, imported, refersTo, uiLocation, durationMs);
    }
}
