package taiyi.workbench.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.store.CorpusStore;

/**
 * A curator's decisions on one document, each recorded in the store as one correction event with
 * its duration and UI location. The model then follows the recorded event itself: the store has just
 * folded the log to check the decision, and folding it again here for a 5,000-mention document
 * would double the cost of every key. No SWT here: the editor maps keys and mouse to these calls.
 */
public final class DocumentCuration {

    private final CorpusStore store;
    private final String corpus;
    private final String documentId;
    private final AnnotationModel model;
    private final DecisionClock clock;
    private final String user = System.getProperty("user.name", "unknown");
    private int[] lastChange;

    public DocumentCuration(CorpusStore store, String corpus, String documentId, AnnotationModel model, DecisionClock clock) {
        this.store = store;
        this.corpus = corpus;
        this.documentId = documentId;
        this.model = model;
        this.clock = clock;
    }

    /** Labels chars {@code [start, end)} with an entity type (CREATE). */
    public EntityMention label(int start, int end, String type, String uiLocation) {
        String text = model.text();
        // a selection dragged over surrounding blanks labels the words only
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start >= end) {
            throw new IllegalArgumentException("select some text to label with " + type);
        }
        EntityMention created = new EntityMention(model.freshId("M"), type, List.of(new Span(start, end)), List.of());
        record(CorrectionEvent.onMention(documentId, user, CorrectionAction.CREATE, null, created, null, uiLocation,
                clock.decide()));
        return created;
    }

    /** Takes a suggestion into the curated layer (ACCEPT). */
    public EntityMention accept(Suggestion s, String uiLocation) {
        EntityMention accepted = acceptedForm(s);
        record(CorrectionEvent.onMention(documentId, user, CorrectionAction.ACCEPT, null, accepted, s.id(), uiLocation,
                clock.decide()));
        return accepted;
    }

    private EntityMention acceptedForm(Suggestion s) {
        EntityMention m = s.mention();
        String id = model.mention(m.id()).isEmpty() ? m.id() : model.freshId(m.id() + "-");
        return new EntityMention(id, m.type(), m.spans(), m.normalizations(), m.attributes());
    }

    public void reject(Suggestion s, String uiLocation) {
        record(CorrectionEvent.decision(documentId, user, CorrectionAction.REJECT, s.id(), uiLocation, clock.decide()));
    }

    public void skip(Suggestion s, String uiLocation) {
        record(CorrectionEvent.decision(documentId, user, CorrectionAction.SKIP, s.id(), uiLocation, clock.decide()));
    }

    public void delete(EntityMention m, String uiLocation) {
        List<Relation> using = model.relations().stream().filter(r -> r.head().equals(m.id()) || r.tail().equals(m.id()))
                .toList();
        if (!using.isEmpty()) {
            throw new IllegalArgumentException("mention " + m.id() + " is an argument of relation " + using.get(0).id()
                    + " (" + using.get(0).type() + "); delete the relation first");
        }
        record(CorrectionEvent.onMention(documentId, user, CorrectionAction.DELETE, m, null, null, uiLocation, clock.decide()));
    }

    /** Changes a curated mention's type (MODIFY). */
    public EntityMention retype(EntityMention m, String type, String uiLocation) {
        EntityMention after = new EntityMention(m.id(), type, m.spans(), m.normalizations(), m.attributes());
        record(CorrectionEvent.onMention(documentId, user, CorrectionAction.MODIFY, m, after, null, uiLocation,
                clock.decide()));
        return after;
    }

    /** Accepts every open suggestion of a type, one ACCEPT each; returns how many. */
    public int acceptAllOfType(String type, String uiLocation) {
        return acceptAll(s -> s.mention().type().equals(type), uiLocation);
    }

    /** Accepts every open suggestion scored at least {@code minScore}, one ACCEPT each; returns how many. */
    public int acceptAllScoredAtLeast(double minScore, String uiLocation) {
        return acceptAll(s -> s.score() >= minScore, uiLocation);
    }

    private int acceptAll(Predicate<Suggestion> which, String uiLocation) {
        List<Suggestion> chosen = model.openSuggestions().stream().filter(which).toList();
        if (chosen.isEmpty()) {
            return 0;
        }
        // the command's time is shared by the decisions it made
        long each = clock.decide() / chosen.size();
        List<String> taken = new ArrayList<>();
        int[] changed = null;
        for (Suggestion s : chosen) {
            EntityMention m = s.mention();
            String id = model.mention(m.id()).isEmpty() && !taken.contains(m.id()) ? m.id() : model.freshId(m.id() + "-");
            taken.add(id);
            EntityMention accepted = new EntityMention(id, m.type(), m.spans(), m.normalizations(), m.attributes());
            CorrectionEvent stored = store.record(corpus, CorrectionEvent.onMention(documentId, user, CorrectionAction.ACCEPT,
                    null, accepted, s.id(), uiLocation, each));
            changed = union(changed, applyForward(stored));
        }
        lastChange = changed;
        return chosen.size();
    }

    /** Relates two curated mentions (CREATE of a relation). */
    public Relation relate(String type, EntityMention head, EntityMention tail, String uiLocation) {
        if (head.id().equals(tail.id())) {
            throw new IllegalArgumentException("a relation needs two different mentions; " + head.id() + " is both");
        }
        Relation r = new Relation(model.freshId("R"), type, head.id(), tail.id());
        record(CorrectionEvent.onRelation(documentId, user, CorrectionAction.CREATE, null, r, uiLocation, clock.decide()));
        return r;
    }

    public void deleteRelation(Relation r, String uiLocation) {
        record(CorrectionEvent.onRelation(documentId, user, CorrectionAction.DELETE, r, null, uiLocation, clock.decide()));
    }

    /** Takes back the latest effective decision; empty when there is none. */
    public Optional<CorrectionEvent> undo(String uiLocation) {
        Optional<CorrectionEvent> e = store.undo(corpus, documentId, user, uiLocation);
        lastChange = e.map(undo -> {
            CorrectionEvent target = walked(undo);
            if (target.suggestionId() != null && isDecision(target)) {
                model.decide(target.suggestionId(), null);
            }
            return model.change(target.mentionAfter(), target.mentionBefore(), target.relationAfter(), target.relationBefore());
        }).orElse(null);
        return e;
    }

    public Optional<CorrectionEvent> redo(String uiLocation) {
        Optional<CorrectionEvent> e = store.redo(corpus, documentId, user, uiLocation);
        lastChange = e.map(redo -> applyForward(walked(redo))).orElse(null);
        return e;
    }

    /** The event an UNDO or REDO walks, from the store's (cached) log. */
    private CorrectionEvent walked(CorrectionEvent undoOrRedo) {
        List<CorrectionEvent> log = store.events(corpus, documentId);
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).id() == undoOrRedo.refersTo()) {
                return log.get(i);
            }
        }
        throw new IllegalStateException("event " + undoOrRedo.refersTo() + " is not in the log of document " + documentId);
    }

    private static boolean isDecision(CorrectionEvent e) {
        return e.action() == CorrectionAction.ACCEPT || e.action() == CorrectionAction.REJECT;
    }

    /** Brings the model along with a recorded decision; the store has already folded it, so no refold. */
    private int[] applyForward(CorrectionEvent e) {
        if (e.suggestionId() != null && isDecision(e)) {
            model.decide(e.suggestionId(), e.action());
        }
        return model.change(e.mentionBefore(), e.mentionAfter(), e.relationBefore(), e.relationAfter());
    }

    /** The chars whose curated mentions the latest call changed, or null. */
    public int[] lastChange() {
        return lastChange;
    }

    private CorrectionEvent record(CorrectionEvent event) {
        CorrectionEvent stored = store.record(corpus, event);
        lastChange = applyForward(stored);
        return stored;
    }

    private static int[] union(int[] a, int[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])};
    }

    public AnnotationModel model() {
        return model;
    }

    public DecisionClock clock() {
        return clock;
    }
}
