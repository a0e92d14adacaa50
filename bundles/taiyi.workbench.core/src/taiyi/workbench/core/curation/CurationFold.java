package taiyi.workbench.core.curation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;

/**
 * A document's log folded up: the curated annotations, the curation state, the decision on each
 * suggestion, and what undo and redo would walk next.
 *
 * <p>Undo and redo keep stack discipline: UNDO takes back the latest effective decision, REDO makes
 * the latest undone one again, and a new decision clears what could be redone, as in an editor.
 *
 * @param curated the curated layer
 * @param state the curation state
 * @param decisions per suggestion id, the effective ACCEPT or REJECT
 * @param effective the decisions in force, in log order (IMPORT excluded)
 * @param undoable what UNDO would take back, latest first
 * @param redoable what REDO would make again, latest first
 */
public record CurationFold(AnnotationSet curated, CurationState state, Map<String, CorrectionAction> decisions,
        List<CorrectionEvent> effective, List<CorrectionEvent> undoable, List<CorrectionEvent> redoable) {

    /**
     * Folds a document's events, in log order.
     *
     * @throws IllegalArgumentException when the log is not a valid history (an UNDO of something
     *     not undoable, a MODIFY of a mention that is not there, …)
     */
    public static CurationFold of(List<CorrectionEvent> events) {
        Deque<CorrectionEvent> applied = new ArrayDeque<>();
        Deque<CorrectionEvent> undone = new ArrayDeque<>();
        AnnotationSet base = AnnotationSet.empty();
        boolean imported = false;
        for (CorrectionEvent e : events) {
            switch (e.action()) {
                case IMPORT -> {
                    if (imported || !applied.isEmpty()) {
                        throw new IllegalArgumentException("event " + e.id() + ": a second IMPORT, or one after decisions");
                    }
                    base = e.imported();
                    imported = true;
                }
                case UNDO -> {
                    CorrectionEvent top = applied.peekLast();
                    if (top == null || top.id() != e.refersTo()) {
                        throw new IllegalArgumentException("event " + e.id() + ": UNDO of " + e.refersTo()
                                + ", which is not the latest effective decision");
                    }
                    undone.addLast(applied.removeLast());
                }
                case REDO -> {
                    CorrectionEvent top = undone.peekLast();
                    if (top == null || top.id() != e.refersTo()) {
                        throw new IllegalArgumentException("event " + e.id() + ": REDO of " + e.refersTo()
                                + ", which is not the latest undone decision");
                    }
                    applied.addLast(undone.removeLast());
                }
                default -> {
                    applied.addLast(e);
                    undone.clear();
                }
            }
        }
        Map<String, EntityMention> mentions = new LinkedHashMap<>();
        base.mentions().forEach(m -> mentions.put(m.id(), m));
        Map<String, Relation> relations = new LinkedHashMap<>();
        base.relations().forEach(r -> relations.put(r.id(), r));
        Map<String, CorrectionAction> decisions = new LinkedHashMap<>();
        CurationState state = CurationState.NEW;
        for (CorrectionEvent e : applied) {
            apply(e, mentions, relations);
            if (e.action() == CorrectionAction.ACCEPT || e.action() == CorrectionAction.REJECT) {
                decisions.put(e.suggestionId(), e.action());
            }
            state = e.action() == CorrectionAction.MARK_DONE ? CurationState.DONE : CurationState.IN_PROGRESS;
        }
        List<CorrectionEvent> undoable = new ArrayList<>(applied);
        java.util.Collections.reverse(undoable);
        List<CorrectionEvent> redoable = new ArrayList<>(undone);
        java.util.Collections.reverse(redoable);
        return new CurationFold(new AnnotationSet(new ArrayList<>(mentions.values()), new ArrayList<>(relations.values())),
                state, decisions, new ArrayList<>(applied), undoable, redoable);
    }

    /** Applies one effective decision to the curated annotations. */
    private static void apply(CorrectionEvent e, Map<String, EntityMention> mentions, Map<String, Relation> relations) {
        if (!e.action().changesAnnotations()) {
            return;
        }
        if (e.mentionBefore() != null || e.mentionAfter() != null) {
            change(e, mentions, e.mentionBefore(), e.mentionAfter(), EntityMention::id, "mention");
        } else {
            change(e, relations, e.relationBefore(), e.relationAfter(), Relation::id, "relation");
        }
    }

    private static <T> void change(CorrectionEvent e, Map<String, T> layer, T before, T after,
            java.util.function.Function<T, String> id, String kind) {
        if (before != null) {
            T current = layer.get(id.apply(before));
            if (!before.equals(current)) {
                throw new IllegalArgumentException("event " + e.id() + ": " + e.action() + " of " + kind + " "
                        + id.apply(before) + ", which the curated layer holds as " + current);
            }
            layer.remove(id.apply(before));
        }
        if (after != null) {
            if (before == null && layer.containsKey(id.apply(after))) {
                throw new IllegalArgumentException("event " + e.id() + ": " + e.action() + " of " + kind + " "
                        + id.apply(after) + ", which already exists");
            }
            layer.put(id.apply(after), after);
        }
    }

    /** Where the suggestion with this id stands under the decisions in force. */
    public SuggestionStatus statusOf(String suggestionId) {
        return SuggestionStatus.of(decisions.get(suggestionId));
    }

    /** Whether the suggestion with this id still waits for an ACCEPT or REJECT ({@link SuggestionStatus#OPEN}). */
    public boolean isOpen(String suggestionId) {
        return statusOf(suggestionId).isOpen();
    }

    /** The latest decision UNDO would take back. */
    public Optional<CorrectionEvent> nextUndo() {
        return undoable.isEmpty() ? Optional.empty() : Optional.of(undoable.get(0));
    }

    /** The latest undone decision REDO would make again. */
    public Optional<CorrectionEvent> nextRedo() {
        return redoable.isEmpty() ? Optional.empty() : Optional.of(redoable.get(0));
    }
}
