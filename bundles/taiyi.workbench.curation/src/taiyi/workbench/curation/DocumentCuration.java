package taiyi.workbench.curation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.store.CorpusStore;

/**
 * A curator's decisions on one document, each recorded in the store as one correction event with
 * its duration and UI location. The model then follows the recorded event itself: the store has just
 * folded the log to check the decision, and folding it again here for a 5,000-mention document
 * would double the cost of every key. A key that makes several decisions (a suggested relation with
 * its arguments, accept-all) records their events in one store transaction: all or nothing, one
 * commit and one change notification, each event still undone on its own. No SWT here: the editor
 * maps keys and mouse to these calls, {@code taiyi curate} maps the shell's subcommands to them, so
 * both faces decide by the same rules.
 */
public final class DocumentCuration {

    private final CorpusStore store;
    private final String corpus;
    private final String documentId;
    private final AnnotationModel model;
    private final DecisionClock clock;
    private final String user;
    /**
     * The newest event of the document's log that the model shows: decisions are recorded only onto
     * that history, so one made on a document someone else has changed since is refused
     * ({@link taiyi.workbench.store.StaleDecisionException}, naming who changed what) instead of
     * landing on a layer the curator has not seen.
     */
    private long seenEventId;
    private int[] lastChange;

    /**
     * Curation of a document as the store holds it now, its layers read afresh.
     *
     * @throws IllegalArgumentException when the corpus has no such document
     */
    public static DocumentCuration open(CorpusStore store, String corpus, String documentId) {
        // the log's newest event before the model: an event that lands in between makes a decision
        // refused as stale, never one made on a layer the model lacks
        long seen = newestEventId(store, corpus, documentId);
        AnnotationModel model = AnnotationModel.read(store, corpus, documentId).orElseThrow(
                () -> new IllegalArgumentException("document " + documentId + " is not in corpus '" + corpus + "'"));
        return new DocumentCuration(store, corpus, documentId, model, new DecisionClock(), seen);
    }

    /**
     * Curation of a document through a model read from the store. Decisions are recorded onto the
     * log as it stands now; a decision of someone else that lands between reading the model and
     * this call is therefore not noticed (read the model just before).
     */
    public DocumentCuration(CorpusStore store, String corpus, String documentId, AnnotationModel model, DecisionClock clock) {
        this(store, corpus, documentId, model, clock, newestEventId(store, corpus, documentId));
    }

    /**
     * Curation of a document through a model read from the store when the newest event of its log
     * was {@code seenEventId} (read before the model, so that nothing the model lacks goes unseen).
     */
    public DocumentCuration(CorpusStore store, String corpus, String documentId, AnnotationModel model, DecisionClock clock,
            long seenEventId) {
        this.store = store;
        this.corpus = corpus;
        this.documentId = documentId;
        this.model = model;
        this.clock = clock;
        this.user = store.curator();
        this.seenEventId = seenEventId;
    }

    /**
     * Tells this curation that its model now shows the document's log up to {@code newestEventId}
     * (the editor reloaded it after someone else's change).
     */
    public void seen(long newestEventId) {
        this.seenEventId = newestEventId;
    }

    private static long newestEventId(CorpusStore store, String corpus, String documentId) {
        try {
            return store.log().newestEventId(corpus, documentId);
        } catch (taiyi.workbench.store.StoreException noSuchDocument) {
            // what the model was read from is gone; every decision will be refused with the store's reason
            return 0;
        }
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

    /**
     * Takes a suggested relation into the curated layer: first each argument suggestion not yet
     * accepted (one ACCEPT each, so undo takes them back one by one), then the relation between
     * the curated mentions they became (an ACCEPT naming the relation suggestion). Everything is
     * checked before the first event is written, so a refusal leaves the log as it was.
     *
     * @throws IllegalArgumentException when an argument suggestion was rejected, or an argument
     *     is neither a suggestion nor a concept of the document
     */
    public Relation accept(RelationSuggestion rs, String uiLocation) {
        return acceptRelation(rs, uiLocation, clock.decide(), new ArrayList<>());
    }

    public void reject(RelationSuggestion rs, String uiLocation) {
        record(CorrectionEvent.decision(documentId, user, CorrectionAction.REJECT, rs.id(), uiLocation, clock.decide()));
    }

    public void skip(RelationSuggestion rs, String uiLocation) {
        record(CorrectionEvent.decision(documentId, user, CorrectionAction.SKIP, rs.id(), uiLocation, clock.decide()));
    }

    private Relation acceptRelation(RelationSuggestion rs, String uiLocation, long durationMs, List<String> taken) {
        Batch batch = new Batch();
        Relation accepted = planRelation(rs, uiLocation, durationMs, taken, batch);
        recordAll(batch.events);
        return accepted;
    }

    /**
     * The events of one key that makes several decisions, recorded together in one transaction:
     * {@code acceptedAs} holds the curated id each argument suggestion accepted in the batch will
     * get, since the model learns of them only once the batch is recorded.
     */
    private static final class Batch {
        final List<CorrectionEvent> events = new ArrayList<>();
        final Map<String, String> acceptedAs = new HashMap<>();
    }

    /**
     * Adds to {@code batch} the ACCEPTs of a relation suggestion's argument suggestions not yet
     * accepted, then the ACCEPT of the relation between the curated mentions they become; checks
     * everything first, so a refusal adds nothing.
     *
     * @param taken curated ids handed out in this batch
     */
    private Relation planRelation(RelationSuggestion rs, String uiLocation, long durationMs, List<String> taken, Batch batch) {
        Relation suggested = rs.relation();
        List<Suggestion> toAccept = new ArrayList<>();
        for (String argument : List.of(suggested.head(), suggested.tail())) {
            Optional<Suggestion> s = model.suggestion(argument);
            if (s.isPresent()) {
                CorrectionAction decision = batch.acceptedAs.containsKey(argument) ? CorrectionAction.ACCEPT
                        : model.decisionOn(argument);
                if (decision == CorrectionAction.REJECT) {
                    throw new IllegalArgumentException("relation suggestion " + rs.id() + " (" + suggested.type() + "): its argument "
                            + argument + " was rejected; undo that rejection or reject the relation");
                }
                if (decision == null && !toAccept.contains(s.get())) {
                    toAccept.add(s.get());
                } else if (decision == CorrectionAction.ACCEPT && !batch.acceptedAs.containsKey(argument)
                        && model.acceptedMention(argument).isEmpty()) {
                    throw new IllegalArgumentException("relation suggestion " + rs.id() + ": the mention accepted from argument "
                            + argument + " is no longer in the curated layer");
                }
            } else if (model.argumentMentions(argument).isEmpty()) {
                throw new IllegalArgumentException("relation suggestion " + rs.id() + ": argument " + argument
                        + " is neither a mention suggestion nor a concept with a curated mention");
            }
        }
        // the decision's time goes to the relation; the arguments come along with it
        for (Suggestion s : toAccept) {
            batch.events.add(acceptEvent(s, uiLocation, 0, taken, batch));
        }
        String relationId = model.relation(suggested.id()).isEmpty() && !taken.contains(suggested.id()) ? suggested.id()
                : model.freshId(suggested.id() + "-");
        taken.add(relationId);
        Relation accepted = new Relation(relationId, suggested.type(), curatedArgument(suggested.head(), batch),
                curatedArgument(suggested.tail(), batch), suggested.evidence());
        batch.events.add(new CorrectionEvent(0, documentId, user, java.time.Instant.now(), CorrectionAction.ACCEPT, null, null,
                null, accepted, rs.id(), null, 0, uiLocation, durationMs));
        return accepted;
    }

    /** The ACCEPT of a mention suggestion inside a batch, under a curated id not yet taken. */
    private CorrectionEvent acceptEvent(Suggestion s, String uiLocation, long durationMs, List<String> taken, Batch batch) {
        EntityMention m = s.mention();
        String id = model.mention(m.id()).isEmpty() && !taken.contains(m.id()) ? m.id() : model.freshId(m.id() + "-");
        taken.add(id);
        batch.acceptedAs.put(s.id(), id);
        return CorrectionEvent.onMention(documentId, user, CorrectionAction.ACCEPT, null,
                new EntityMention(id, m.type(), m.spans(), m.normalizations(), m.attributes()), s.id(), uiLocation, durationMs);
    }

    /**
     * Records a batch in one store transaction (one commit, one change notification) and brings the
     * model along with each stored event; returns the events as stored.
     */
    private List<CorrectionEvent> recordAll(List<CorrectionEvent> batch) {
        List<CorrectionEvent> stored = store.log().record(corpus, batch, seenEventId);
        if (!stored.isEmpty()) {
            seenEventId = stored.get(stored.size() - 1).id();
        }
        int[] changed = null;
        for (CorrectionEvent e : stored) {
            changed = union(changed, applyForward(e));
        }
        lastChange = changed;
        return stored;
    }

    /** What a suggested relation's argument names in the curated layer: the mention its suggestion became, or the concept. */
    private String curatedArgument(String argument, Batch batch) {
        if (model.suggestion(argument).isPresent()) {
            String inBatch = batch.acceptedAs.get(argument);
            return inBatch != null ? inBatch : model.acceptedMention(argument).orElseThrow().id();
        }
        return argument;
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

    /**
     * Accepts every open suggestion of a type, one ACCEPT each: mention suggestions of that entity
     * type and relation suggestions of that relation type (schemas name the two kinds apart);
     * returns how many suggestions were decided, argument suggestions accepted along included.
     */
    public int acceptAllOfType(String type, String uiLocation) {
        return acceptAll(SuggestionFilter.ofType(type), uiLocation).recorded().size();
    }

    /**
     * Accepts every open suggestion scored at least {@code minScore}, mentions first, then
     * relations (with any argument not yet accepted), one ACCEPT each; returns how many.
     */
    public int acceptAllScoredAtLeast(double minScore, String uiLocation) {
        return acceptAll(SuggestionFilter.scoredAtLeast(minScore), uiLocation).recorded().size();
    }

    /**
     * Accepts every open suggestion the filter takes, mentions by position first, then relations in
     * the model's order, each bringing along its argument suggestions not yet accepted; one ACCEPT
     * each, all in one store transaction. A relation the rules refuse (an argument rejected, or
     * nothing in the document to carry it) is passed over and reported, and the rest go ahead.
     */
    public BulkDecision acceptAll(SuggestionFilter filter, String uiLocation) {
        List<Suggestion> chosen = model.openSuggestions().stream().filter(filter::matches).toList();
        List<RelationSuggestion> chosenRelations = model.openRelationSuggestions().stream().filter(filter::matches).toList();
        if (chosen.isEmpty() && chosenRelations.isEmpty()) {
            return new BulkDecision(List.of(), List.of());
        }
        // the command's time is shared by the decisions it made
        long each = clock.decide() / (chosen.size() + chosenRelations.size());
        List<String> taken = new ArrayList<>();
        Batch batch = new Batch();
        List<BulkDecision.Refusal> refused = new ArrayList<>();
        for (Suggestion s : chosen) {
            batch.events.add(acceptEvent(s, uiLocation, each, taken, batch));
        }
        for (RelationSuggestion r : chosenRelations) {
            try {
                // the relation and the argument suggestions it brings along; a refusal adds nothing
                planRelation(r, uiLocation, each, taken, batch);
            } catch (IllegalArgumentException refusal) {
                refused.add(new BulkDecision.Refusal(r.id(), refusal.getMessage()));
            }
        }
        return recordBulk(batch.events, refused);
    }

    /**
     * Rejects every open suggestion the filter takes, mentions by position first, then relations in
     * the model's order; one REJECT each, all in one store transaction.
     */
    public BulkDecision rejectAll(SuggestionFilter filter, String uiLocation) {
        List<Suggestion> chosen = model.openSuggestions().stream().filter(filter::matches).toList();
        List<RelationSuggestion> chosenRelations = model.openRelationSuggestions().stream().filter(filter::matches).toList();
        if (chosen.isEmpty() && chosenRelations.isEmpty()) {
            return new BulkDecision(List.of(), List.of());
        }
        long each = clock.decide() / (chosen.size() + chosenRelations.size());
        List<CorrectionEvent> events = new ArrayList<>();
        for (Suggestion s : chosen) {
            events.add(CorrectionEvent.decision(documentId, user, CorrectionAction.REJECT, s.id(), uiLocation, each));
        }
        for (RelationSuggestion r : chosenRelations) {
            events.add(CorrectionEvent.decision(documentId, user, CorrectionAction.REJECT, r.id(), uiLocation, each));
        }
        return recordBulk(events, List.of());
    }

    private BulkDecision recordBulk(List<CorrectionEvent> events, List<BulkDecision.Refusal> refused) {
        if (events.isEmpty()) {
            lastChange = null;
            return new BulkDecision(List.of(), refused);
        }
        return new BulkDecision(recordAll(events), refused);
    }

    /**
     * Declares the document finished (MARK_DONE).
     *
     * @throws IllegalArgumentException when it is done already
     */
    public CorrectionEvent markDone(String uiLocation) {
        if (store.log().fold(corpus, documentId).state() == CurationState.DONE) {
            throw new IllegalArgumentException("document " + documentId + " is already done");
        }
        return record(CorrectionEvent.decision(documentId, user, CorrectionAction.MARK_DONE, null, uiLocation, clock.decide()));
    }

    /**
     * Takes a document out of the done state: an UNDO of its MARK_DONE, which is the latest effective
     * decision of a done document, so the log says exactly what happened and REDO can mark it done again.
     *
     * @throws IllegalArgumentException when it is not done
     */
    public CorrectionEvent reopen(String uiLocation) {
        CurationFold fold = store.log().fold(corpus, documentId);
        if (fold.state() != CurationState.DONE) {
            throw new IllegalArgumentException("document " + documentId + " is not done (it is " + fold.state() + ")");
        }
        return undo(uiLocation).orElseThrow(() -> new IllegalStateException("document " + documentId + " has nothing to undo"));
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
        Optional<CorrectionEvent> e = store.log().undo(corpus, documentId, user, uiLocation);
        e.ifPresent(undo -> seenEventId = undo.id());
        lastChange = e.map(undo -> {
            CorrectionEvent target = walked(undo);
            if (target.suggestionId() != null && isDecision(target)) {
                model.decide(target.suggestionId(), null);
            }
            return shown(target, model.change(target.mentionAfter(), target.mentionBefore(), target.relationAfter(),
                    target.relationBefore()));
        }).orElse(null);
        return e;
    }

    public Optional<CorrectionEvent> redo(String uiLocation) {
        Optional<CorrectionEvent> e = store.log().redo(corpus, documentId, user, uiLocation);
        e.ifPresent(redo -> seenEventId = redo.id());
        lastChange = e.map(redo -> applyForward(walked(redo))).orElse(null);
        return e;
    }

    /** The event an UNDO or REDO walks, from the store's (cached) log. */
    private CorrectionEvent walked(CorrectionEvent undoOrRedo) {
        List<CorrectionEvent> log = store.log().events(corpus, documentId);
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
            if (e.action() == CorrectionAction.ACCEPT && e.mentionAfter() != null) {
                model.acceptedAs(e.suggestionId(), e.mentionAfter());
            }
        }
        return shown(e, model.change(e.mentionBefore(), e.mentionAfter(), e.relationBefore(), e.relationAfter()));
    }

    /**
     * What an applied event changed on screen: the chars of its mentions, widened by the arc of a
     * relation it added or removed (from the head's mention to the tail's). A mention normalised to a
     * concept that relations name may change which mention those concept-level arcs start from, which
     * can be anywhere: the whole text.
     */
    private int[] shown(CorrectionEvent e, int[] mentionChars) {
        int[] out = mentionChars;
        for (Relation r : java.util.Arrays.asList(e.relationBefore(), e.relationAfter())) {
            if (r != null) {
                for (String argument : List.of(r.head(), r.tail())) {
                    Optional<EntityMention> m = model.suggestedArgument(argument);
                    if (m.isPresent()) {
                        out = union(out, new int[] {m.get().start(), m.get().end()});
                    }
                }
            }
        }
        if (namesArcConcept(e.mentionBefore()) || namesArcConcept(e.mentionAfter())) {
            out = new int[] {0, model.text().length()};
        }
        return out;
    }

    private boolean namesArcConcept(EntityMention m) {
        if (m == null || m.normalizations().isEmpty()) {
            return false;
        }
        java.util.Set<String> concepts = new java.util.HashSet<>();
        m.normalizations().forEach(n -> {
            concepts.add(n.toString());
            concepts.add(n.id());
        });
        return model.relations().stream().anyMatch(r -> concepts.contains(r.head()) || concepts.contains(r.tail()))
                || model.relationSuggestions().stream()
                        .anyMatch(r -> concepts.contains(r.relation().head()) || concepts.contains(r.relation().tail()));
    }

    /**
     * The chars the latest call changed on screen, or null: those whose curated mentions changed, and
     * the stretch an added or removed relation's arc spans.
     */
    public int[] lastChange() {
        return lastChange;
    }

    private CorrectionEvent record(CorrectionEvent event) {
        CorrectionEvent stored = store.log().record(corpus, event, seenEventId);
        seenEventId = stored.id();
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
