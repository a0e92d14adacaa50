package taiyi.workbench.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.Span;

/**
 * A curator at the keyboard, fast and at random: each step reads a document's fold and records one
 * correction that is valid against it (a CREATE on a free span, a DELETE or MODIFY of a curated
 * mention, UNDO, REDO, SKIP, MARK_DONE). Used by the crash and concurrency tests, in the test JVM and
 * in the child JVM of {@link CorrectionWriterProcess}.
 */
final class RandomCurator {

    /** One kind of step; impossible ones (nothing to undo, no free span…) fall back to SKIP. */
    enum Move {
        CREATE, DELETE, MODIFY, UNDO, REDO, SKIP, MARK_DONE
    }

    /** Relative weights of the moves, in {@link Move} order: mostly edits, some undo and redo. */
    private static final int[] WEIGHTS = {30, 15, 15, 15, 10, 10, 5};

    private final CorpusStore store;
    private final String corpus;
    private final List<String> documentIds;
    private final String user;
    private final String idPrefix;
    private final boolean ownMentionsOnly;
    private final Random random;
    private final List<String> types;
    private final Map<String, Integer> textLengths = new HashMap<>();
    private int created;

    /**
     * @param idPrefix starts the ids of the mentions it creates; must differ between curators on the
     *     same documents (and between runs of the crash test) so that ids stay fresh
     * @param ownMentionsOnly whether DELETE and MODIFY touch only the mentions this curator created
     *     (so that concurrent curators never edit the same mention)
     */
    RandomCurator(CorpusStore store, String corpus, List<String> documentIds, String user, String idPrefix,
            boolean ownMentionsOnly, long seed) {
        this.store = store;
        this.corpus = corpus;
        this.documentIds = List.copyOf(documentIds);
        this.user = user;
        this.idPrefix = idPrefix;
        this.ownMentionsOnly = ownMentionsOnly;
        this.random = new Random(seed);
        this.types = store.documents().schema(corpus).entityTypes().stream().map(EntityType::name).toList();
        for (String id : documentIds) {
            textLengths.put(id, store.documents().document(corpus, id).orElseThrow().text().length());
        }
    }

    /** Records one random correction on one of the documents; returns the event as stored. */
    CorrectionEvent step() {
        return step(documentIds.get(random.nextInt(documentIds.size())), randomMove());
    }

    /** Records one correction of the given kind on a document, or a SKIP where it is impossible. */
    CorrectionEvent step(String documentId, Move move) {
        return attempt(documentId, move).orElseGet(() -> store.log().record(corpus,
                CorrectionEvent.decision(documentId, user, CorrectionAction.SKIP, null, "test:random", 0)));
    }

    /**
     * One random decision as a curator in a team makes it: on the document's history as read now,
     * recorded only onto that history. Another writer deciding in between makes it refused.
     *
     * @throws StaleDecisionException when the document's log moved on between reading and recording
     */
    CorrectionEvent stepOnSeenHistory() {
        String documentId = documentIds.get(random.nextInt(documentIds.size()));
        List<CorrectionEvent> events = store.log().events(corpus, documentId);
        long seen = events.isEmpty() ? 0 : events.get(events.size() - 1).id();
        CurationFold fold = CurationFold.of(events);
        // the imported mentions stay: BC5CDR's CID relations name their concepts, so deleting one is refused
        java.util.Set<String> imported = new java.util.HashSet<>();
        if (!events.isEmpty() && events.get(0).imported() != null) {
            events.get(0).imported().mentions().forEach(m -> imported.add(m.id()));
        }
        List<EntityMention> curated = fold.curated().mentions().stream()
                .filter(m -> !imported.contains(m.id()))
                .filter(m -> !ownMentionsOnly || m.id().startsWith(idPrefix + "-")).toList();
        long durationMs = random.nextInt(5000);
        Move move = randomMove();
        CorrectionEvent decision = switch (move) {
            case CREATE -> freeSpan(documentId, fold.curated().mentions()).map(span -> CorrectionEvent.onMention(documentId, user,
                    CorrectionAction.CREATE, null, new EntityMention(idPrefix + "-" + created++, randomType(), List.of(span),
                            List.of()), null, "test:team", durationMs)).orElse(null);
            case DELETE -> curated.isEmpty() ? null : CorrectionEvent.onMention(documentId, user, CorrectionAction.DELETE,
                    curated.get(random.nextInt(curated.size())), null, null, "test:team", durationMs);
            case MODIFY -> {
                if (curated.isEmpty()) {
                    yield null;
                }
                EntityMention m = curated.get(random.nextInt(curated.size()));
                yield CorrectionEvent.onMention(documentId, user, CorrectionAction.MODIFY, m,
                        new EntityMention(m.id(), otherType(m.type()), m.spans(), m.normalizations(), m.attributes()), null,
                        "test:team", durationMs);
            }
            case UNDO -> fold.nextUndo().map(target -> walk(documentId, CorrectionAction.UNDO, target)).orElse(null);
            case REDO -> fold.nextRedo().map(target -> walk(documentId, CorrectionAction.REDO, target)).orElse(null);
            case SKIP -> null;
            case MARK_DONE -> CorrectionEvent.decision(documentId, user, CorrectionAction.MARK_DONE, null, "test:team", durationMs);
        };
        if (decision == null) {
            decision = CorrectionEvent.decision(documentId, user, CorrectionAction.SKIP, null, "test:team", durationMs);
        }
        return store.log().record(corpus, decision, seen);
    }

    private CorrectionEvent walk(String documentId, CorrectionAction undoOrRedo, CorrectionEvent target) {
        return new CorrectionEvent(0, documentId, user, Instant.now(), undoOrRedo, null, null, null, null, null, null, target.id(),
                "test:team", 0);
    }

    private Move randomMove() {
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        int r = random.nextInt(total);
        for (Move m : Move.values()) {
            r -= WEIGHTS[m.ordinal()];
            if (r < 0) {
                return m;
            }
        }
        throw new AssertionError();
    }

    private Optional<CorrectionEvent> attempt(String documentId, Move move) {
        long durationMs = random.nextInt(5000);
        return switch (move) {
            case CREATE -> freeSpan(documentId).map(span -> record(documentId, CorrectionAction.CREATE, null,
                    new EntityMention(idPrefix + "-" + created++, randomType(), List.of(span), List.of()), durationMs));
            case DELETE -> randomMention(documentId).map(m -> record(documentId, CorrectionAction.DELETE, m, null, durationMs));
            case MODIFY -> randomMention(documentId).map(m -> record(documentId, CorrectionAction.MODIFY, m,
                    new EntityMention(m.id(), otherType(m.type()), m.spans(), m.normalizations(), m.attributes()), durationMs));
            case UNDO -> store.log().undo(corpus, documentId, user, "test:random");
            case REDO -> store.log().redo(corpus, documentId, user, "test:random");
            case SKIP -> Optional.of(store.log().record(corpus,
                    CorrectionEvent.decision(documentId, user, CorrectionAction.SKIP, null, "test:random", durationMs)));
            case MARK_DONE -> Optional.of(store.log().record(corpus,
                    CorrectionEvent.decision(documentId, user, CorrectionAction.MARK_DONE, null, "test:random", durationMs)));
        };
    }

    private CorrectionEvent record(String documentId, CorrectionAction action, EntityMention before, EntityMention after,
            long durationMs) {
        return store.log().record(corpus, CorrectionEvent.onMention(documentId, user, action, before, after, null, "test:random",
                durationMs));
    }

    /** A curated mention this curator may edit, from the document's current fold. */
    private Optional<EntityMention> randomMention(String documentId) {
        List<EntityMention> candidates = curated(documentId).stream()
                .filter(m -> !ownMentionsOnly || m.id().startsWith(idPrefix + "-")).toList();
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    /** A short span overlapping no curated mention, or empty when a few tries find none. */
    private Optional<Span> freeSpan(String documentId) {
        return freeSpan(documentId, curated(documentId));
    }

    private Optional<Span> freeSpan(String documentId, List<EntityMention> curated) {
        int length = textLengths.get(documentId);
        List<Span> taken = new ArrayList<>();
        curated.forEach(m -> taken.addAll(m.spans()));
        for (int attempt = 0; attempt < 20; attempt++) {
            int start = random.nextInt(length - 1);
            Span candidate = new Span(start, Math.min(length, start + 1 + random.nextInt(15)));
            if (taken.stream().noneMatch(candidate::overlaps)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private List<EntityMention> curated(String documentId) {
        return store.log().fold(corpus, documentId).curated().mentions();
    }

    private String randomType() {
        return types.get(random.nextInt(types.size()));
    }

    private String otherType(String type) {
        List<String> others = types.stream().filter(t -> !t.equals(type)).toList();
        return others.isEmpty() ? type + "-changed" : others.get(random.nextInt(others.size()));
    }
}
