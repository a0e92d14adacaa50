package taiyi.workbench.curation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.curation.LabelSuggestion;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.curation.SuggestionStatus;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.SuggestionStore;

/**
 * A document's two layers as curation asks about them (the editor to show and navigate, the CLI and
 * later the queue to decide): the curated layer (the fold of the log), the model's
 * suggestions with the decision taken on each, kept sorted by position so navigation and painting
 * need no sort per keystroke. A decision replaces the curated part from the store's fold (cheap: the
 * store caches the parsed log) while the suggestions, which only a model run changes, stay.
 */
public final class AnnotationModel {

    private static final Comparator<EntityMention> BY_POSITION = Comparator.comparingInt(EntityMention::start)
            .thenComparing(Comparator.comparingInt(EntityMention::end).reversed()).thenComparing(EntityMention::id);

    private final String text;
    private Map<String, EntityMention> curated = Map.of();
    private List<EntityMention> curatedByPosition = List.of();
    private Map<String, Relation> relations = Map.of();
    private Map<String, Suggestion> suggestions = Map.of();
    private List<Suggestion> suggestionsByPosition = List.of();
    private Map<String, CorrectionAction> decisions = new HashMap<>();
    /** Per accepted mention suggestion, the id of the curated mention its ACCEPT created. */
    private Map<String, String> acceptedAs = new HashMap<>();
    private List<RelationSuggestion> relationSuggestions = List.of();
    private List<LabelSuggestion> labelSuggestions = List.of();
    /** Concept (as {@code db:id} and as bare id) to its curated mentions by position; rebuilt lazily after a change. */
    private Map<String, List<EntityMention>> byConcept;

    public AnnotationModel(String text) {
        this.text = text;
    }

    /**
     * A document's layers as the store holds them now: its text, the fold of its log and its
     * suggestion layer; empty when the corpus has no such document.
     */
    public static Optional<AnnotationModel> read(CorpusStore store, String corpus, String documentId) {
        return store.documents().documentBody(corpus, documentId).map(body -> {
            AnnotationModel model = new AnnotationModel(body.text());
            model.setCurated(store.log().fold(corpus, documentId));
            model.setSuggestionLayer(store.suggestions().suggestionLayer(corpus, documentId));
            return model;
        });
    }

    /**
     * A document's curated layer as the store's curated rows hold it (the fold of its log, mirrored
     * in the same transaction as each event), with no suggestions and no decisions: what a reader of
     * a whole corpus needs, without reading and folding each document's log.
     */
    public static AnnotationModel curatedOnly(Document document) {
        AnnotationModel model = new AnnotationModel(document.text());
        Map<String, EntityMention> byId = new LinkedHashMap<>();
        document.mentions().forEach(m -> byId.put(m.id(), m));
        Map<String, Relation> rels = new LinkedHashMap<>();
        document.relations().forEach(r -> rels.put(r.id(), r));
        List<EntityMention> sorted = new ArrayList<>(byId.values());
        sorted.sort(BY_POSITION);
        model.curated = byId;
        model.curatedByPosition = sorted;
        model.relations = rels;
        return model;
    }

    /** Replaces the three suggestion layers (mentions, relations between them, document labels) after a model run. */
    public void setSuggestionLayer(SuggestionStore.SuggestionLayer layer) {
        setSuggestions(layer.mentions());
        setRelationSuggestions(layer.relations());
        setLabelSuggestions(layer.labels());
    }

    /**
     * Takes the curated layer and the decisions from a fresh fold of the document's log.
     *
     * @return the chars whose curated mentions changed, {@code [start, end)}, or null when none did
     */
    public int[] setCurated(CurationFold fold) {
        Map<String, EntityMention> byId = new LinkedHashMap<>();
        fold.curated().mentions().forEach(m -> byId.put(m.id(), m));
        int[] changed = null;
        for (EntityMention m : byId.values()) {
            if (!m.equals(curated.get(m.id()))) {
                changed = widen(changed, m);
            }
        }
        for (EntityMention m : curated.values()) {
            if (!m.equals(byId.get(m.id()))) {
                changed = widen(changed, m);
            }
        }
        Map<String, Relation> rels = new LinkedHashMap<>();
        fold.curated().relations().forEach(r -> rels.put(r.id(), r));
        List<EntityMention> sorted = new ArrayList<>(byId.values());
        sorted.sort(BY_POSITION);
        curated = byId;
        curatedByPosition = sorted;
        relations = rels;
        decisions = new HashMap<>(fold.decisions());
        acceptedAs = new HashMap<>();
        for (CorrectionEvent e : fold.effective()) {
            if (e.action() == CorrectionAction.ACCEPT && e.mentionAfter() != null) {
                acceptedAs.put(e.suggestionId(), e.mentionAfter().id());
            }
        }
        byConcept = null;
        return changed;
    }

    /**
     * Applies one change of the curated layer that the store has recorded, without folding the log
     * again: {@code remove} leaves, {@code add} arrives (either may be null), likewise for relations.
     *
     * @return the chars whose curated mentions changed, or null
     */
    public int[] change(EntityMention remove, EntityMention add, Relation removeRelation, Relation addRelation) {
        int[] changed = null;
        if (remove != null) {
            curated.remove(remove.id());
            int at = Collections.binarySearch(curatedByPosition, remove, BY_POSITION);
            if (at >= 0) {
                curatedByPosition.remove(at);
            }
            changed = widen(changed, remove);
        }
        if (add != null) {
            curated.put(add.id(), add);
            int at = Collections.binarySearch(curatedByPosition, add, BY_POSITION);
            curatedByPosition.add(at >= 0 ? at : -at - 1, add);
            changed = widen(changed, add);
        }
        if (remove != null || add != null) {
            byConcept = null;
        }
        if (removeRelation != null) {
            relations.remove(removeRelation.id());
        }
        if (addRelation != null) {
            relations.put(addRelation.id(), addRelation);
        }
        return changed;
    }

    /** Records the decision in force on a suggestion; null opens it again (its decision was undone). */
    public void decide(String suggestionId, CorrectionAction decision) {
        if (decision == null) {
            decisions.remove(suggestionId);
            acceptedAs.remove(suggestionId);
        } else {
            decisions.put(suggestionId, decision);
        }
    }

    /**
     * Records that a mention suggestion's ACCEPT created a curated mention, so relation suggestions
     * naming the suggestion are drawn to (and accepted between) the mention it became.
     */
    public void acceptedAs(String suggestionId, EntityMention curatedMention) {
        acceptedAs.put(suggestionId, curatedMention.id());
    }

    private static int[] widen(int[] range, EntityMention m) {
        return range == null ? new int[] {m.start(), m.end()}
                : new int[] {Math.min(range[0], m.start()), Math.max(range[1], m.end())};
    }

    /** Curated mentions with a span overlapping {@code [start, end)}. */
    public List<EntityMention> mentionsOverlapping(int start, int end) {
        List<EntityMention> out = new ArrayList<>();
        for (EntityMention m : curatedByPosition) {
            if (m.start() >= end) {
                break;
            }
            if (m.end() > start) {
                out.add(m);
            }
        }
        return out;
    }

    /** Replaces the suggestion layer (after a model run). */
    public void setSuggestions(List<Suggestion> layer) {
        Map<String, Suggestion> byId = new LinkedHashMap<>();
        layer.forEach(s -> byId.put(s.id(), s));
        List<Suggestion> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing(Suggestion::mention, BY_POSITION));
        suggestions = byId;
        suggestionsByPosition = sorted;
    }

    /** Replaces the relation suggestions (after a model run), in the order the model gave them. */
    public void setRelationSuggestions(List<RelationSuggestion> layer) {
        relationSuggestions = List.copyOf(layer);
    }

    /** Replaces the document's suggested labels (text classification). */
    public void setLabelSuggestions(List<LabelSuggestion> labels) {
        labelSuggestions = List.copyOf(labels);
    }

    /** Every relation suggestion, decided or not, in the model's order. */
    public List<RelationSuggestion> relationSuggestions() {
        return relationSuggestions;
    }

    public List<LabelSuggestion> labelSuggestions() {
        return labelSuggestions;
    }

    public boolean isOpen(RelationSuggestion r) {
        return status(r.id()).isOpen();
    }

    /** Where a suggestion (mention or relation) stands under the decisions in force. */
    public SuggestionStatus status(String suggestionId) {
        return SuggestionStatus.of(decisions.get(suggestionId));
    }

    /** Relation suggestions not yet accepted or rejected, in the model's order (the order Tab and A/R/S walk them). */
    public List<RelationSuggestion> openRelationSuggestions() {
        return relationSuggestions.stream().filter(this::isOpen).toList();
    }

    /**
     * The mention a relation suggestion's argument stands for now: the curated mention an accepted
     * argument suggestion became, else the argument suggestion itself (open or rejected), else, for
     * an argument that is a concept, its first curated mention or the first suggestion normalised to
     * it; empty when nothing in the document carries it.
     */
    public Optional<EntityMention> suggestedArgument(String argument) {
        String curatedId = acceptedAs.get(argument);
        if (curatedId != null && curated.containsKey(curatedId)) {
            return Optional.of(curated.get(curatedId));
        }
        Suggestion s = suggestions.get(argument);
        if (s != null) {
            return Optional.of(s.mention());
        }
        List<EntityMention> concept = argumentMentions(argument);
        if (!concept.isEmpty()) {
            return Optional.of(concept.get(0));
        }
        return suggestionsByPosition.stream().map(Suggestion::mention).filter(m -> m.isNormalizedTo(argument)).findFirst();
    }

    /** The curated mention an accepted mention suggestion became, or empty while it is not accepted. */
    public Optional<EntityMention> acceptedMention(String suggestionId) {
        String id = acceptedAs.get(suggestionId);
        return id == null ? Optional.empty() : Optional.ofNullable(curated.get(id));
    }

    public String text() {
        return text;
    }

    /** Curated mentions by position (start, longer first). */
    public List<EntityMention> mentions() {
        return curatedByPosition;
    }

    public Optional<EntityMention> mention(String id) {
        return Optional.ofNullable(curated.get(id));
    }

    public List<Relation> relations() {
        return List.copyOf(relations.values());
    }

    public Optional<Relation> relation(String id) {
        return Optional.ofNullable(relations.get(id));
    }

    /** Every suggestion by position, decided or not. */
    public List<Suggestion> suggestions() {
        return suggestionsByPosition;
    }

    public Optional<Suggestion> suggestion(String id) {
        return Optional.ofNullable(suggestions.get(id));
    }

    /** The ACCEPT or REJECT in force on a suggestion, or null while it is open. */
    public CorrectionAction decisionOn(String suggestionId) {
        return decisions.get(suggestionId);
    }

    public boolean isOpen(Suggestion s) {
        return status(s.id()).isOpen();
    }

    /** Suggestions not yet accepted or rejected, by position. */
    public List<Suggestion> openSuggestions() {
        return suggestionsByPosition.stream().filter(this::isOpen).toList();
    }

    /** Curated mentions with a span covering {@code offset}, shortest first. */
    public List<EntityMention> mentionsAt(int offset) {
        List<EntityMention> out = new ArrayList<>();
        for (EntityMention m : curatedByPosition) {
            if (m.start() > offset) {
                break;
            }
            if (covers(m, offset)) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingInt(AnnotationModel::extent));
        return out;
    }

    /** Open suggestions with a span covering {@code offset}, shortest first. */
    public List<Suggestion> openSuggestionsAt(int offset) {
        List<Suggestion> out = new ArrayList<>();
        for (Suggestion s : suggestionsByPosition) {
            if (s.mention().start() > offset) {
                break;
            }
            if (isOpen(s) && covers(s.mention(), offset)) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingInt(s -> extent(s.mention())));
        return out;
    }

    /** The first open suggestion starting after {@code offset}, wrapping to the document's start. */
    public Optional<Suggestion> nextOpenSuggestion(int offset) {
        Suggestion first = null;
        for (Suggestion s : suggestionsByPosition) {
            if (!isOpen(s)) {
                continue;
            }
            if (first == null) {
                first = s;
            }
            if (s.mention().start() > offset) {
                return Optional.of(s);
            }
        }
        return Optional.ofNullable(first);
    }

    /** The next open suggestion after {@code current} in position order, wrapping; never {@code current}. */
    public Optional<Suggestion> nextOpenSuggestionAfter(Suggestion current) {
        int at = suggestionsByPosition.indexOf(current);
        int n = suggestionsByPosition.size();
        for (int k = 1; k <= n; k++) {
            Suggestion s = suggestionsByPosition.get(Math.floorMod(at + k, n));
            if (isOpen(s) && !s.id().equals(current.id())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The start of the next (or previous) item, curated mention or open suggestion, after (before)
     * {@code offset}; empty when there is none in that direction.
     */
    public Optional<Integer> nextItemStart(int offset, boolean forward) {
        Integer best = null;
        for (EntityMention m : curatedByPosition) {
            best = closer(best, m.start(), offset, forward);
        }
        for (Suggestion s : suggestionsByPosition) {
            if (isOpen(s)) {
                best = closer(best, s.mention().start(), offset, forward);
            }
        }
        return Optional.ofNullable(best);
    }

    private static Integer closer(Integer best, int start, int offset, boolean forward) {
        if (forward ? start <= offset : start >= offset) {
            return best;
        }
        if (best == null || (forward ? start < best : start > best)) {
            return start;
        }
        return best;
    }

    /** The curated mentions a relation argument names: the mention itself, or the concept's mentions. */
    public List<EntityMention> argumentMentions(String argument) {
        EntityMention direct = curated.get(argument);
        if (direct != null) {
            return List.of(direct);
        }
        if (byConcept == null) {
            // painting asks this for both ends of every relation on each repaint: index once per change
            Map<String, List<EntityMention>> index = new HashMap<>();
            for (EntityMention m : curatedByPosition) {
                for (var n : m.normalizations()) {
                    index.computeIfAbsent(n.toString(), k -> new ArrayList<>()).add(m);
                    if (!n.db().isEmpty()) {
                        index.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(m);
                    }
                }
            }
            byConcept = index;
        }
        return byConcept.getOrDefault(argument, List.of());
    }

    /** Whether a relation names concepts rather than mentions (BC5CDR's CID relations). */
    public boolean isConceptLevel(Relation r) {
        return !curated.containsKey(r.head()) || !curated.containsKey(r.tail());
    }

    /** Relations in which the mention takes part, directly or through one of its concepts. */
    public List<Relation> relationsOf(EntityMention m) {
        return relations.values().stream().filter(r -> involves(r.head(), m) || involves(r.tail(), m)).toList();
    }

    private static boolean involves(String argument, EntityMention m) {
        return argument.equals(m.id()) || m.isNormalizedTo(argument);
    }

    /** An id not yet used by a curated mention or relation, with the given prefix. */
    public String freshId(String prefix) {
        int n = curated.size() + relations.size() + 1;
        while (curated.containsKey(prefix + n) || relations.containsKey(prefix + n)) {
            n++;
        }
        return prefix + n;
    }

    static boolean covers(EntityMention m, int offset) {
        for (Span s : m.spans()) {
            if (s.contains(offset)) {
                return true;
            }
        }
        return false;
    }

    /** The chars a mention's spans cover (not the gap of a discontinuous one). */
    static int extent(EntityMention m) {
        int n = 0;
        for (Span s : m.spans()) {
            n += s.length();
        }
        return n;
    }
}
