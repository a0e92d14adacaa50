package taiyi.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/**
 * Three writers on the same documents at once, as in the workbench: the UI thread records a
 * curator's corrections (and undoes and redoes them) and reopens the documents it edits, a
 * pre-annotation job adds model suggestions, and a second curator accepts and rejects those
 * suggestions and adds mentions of their own. Afterwards no update is lost: every event a writer was
 * given back is in its document's log as given, every suggestion is stored, and every curated
 * layer is the fold of its log.
 */
class ConcurrentWritersTest {

    private static final String CORPUS = "cdr";
    private static final int DOCUMENTS = 4;
    private static final int UI_STEPS = 150;
    private static final int REVIEWER_STEPS = 150;
    private static final int SUGGESTION_ROUNDS = 30;
    private static final int SUGGESTIONS_PER_ROUND = 5;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void noUpdateIsLostBetweenCuratorsAndThePreAnnotationJob(StoreKind kind) throws Exception {
        StoreLocation db = kind.newDatabase(dir);
        List<Document> docs = new PubTatorReader()
                .read(Path.of(System.getProperty("taiyi.testdata"), "bc5cdr/CDR_TrainingSet.PubTator.txt")).subList(0, 20);
        List<String> shared = docs.subList(0, DOCUMENTS).stream().map(Document::id).toList();
        Map<String, String> texts = docs.stream().collect(Collectors.toMap(Document::id, Document::text));
        try (CorpusStore store = CorpusStore.open(db)) {
            store.documents().importDocuments(CORPUS, docs, "CDR_TrainingSet.PubTator.txt");
            List<String> types = store.documents().schema(CORPUS).entityTypes().stream().map(EntityType::name).toList();

            List<CorrectionEvent> uiEvents = Collections.synchronizedList(new ArrayList<>());
            List<CorrectionEvent> reviewerEvents = Collections.synchronizedList(new ArrayList<>());
            Map<String, List<Suggestion>> added = new ConcurrentHashMap<>();
            AtomicInteger lostUndoRaces = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<?> ui = pool.submit(() -> {
                    RandomCurator curator = new RandomCurator(store, CORPUS, shared, "ui-curator", "ui", true, 1);
                    Random random = new Random(2);
                    start.await();
                    for (int i = 0; i < UI_STEPS; i++) {
                        try {
                            uiEvents.add(curator.step());
                        } catch (StoreException e) {
                            // undo() and redo() read the fold and record in two transactions: when the
                            // other curator decides in between, the UNDO no longer names the latest
                            // decision and is refused; the one refusal allowed here
                            if (!e.getMessage().contains("which is not the latest")) {
                                throw e;
                            }
                            lostUndoRaces.incrementAndGet();
                        }
                        // the editor reopens the document with both layers while the others write
                        String opened = shared.get(random.nextInt(shared.size()));
                        store.documents().document(CORPUS, opened).orElseThrow();
                        store.suggestions().suggestions(CORPUS, opened);
                    }
                    return null;
                });
                Future<?> job = pool.submit(() -> {
                    Random random = new Random(3);
                    start.await();
                    for (int round = 0; round < SUGGESTION_ROUNDS; round++) {
                        for (String documentId : shared) {
                            List<Suggestion> batch = new ArrayList<>();
                            for (int i = 0; i < SUGGESTIONS_PER_ROUND; i++) {
                                int length = texts.get(documentId).length();
                                int begin = random.nextInt(length - 20);
                                EntityMention m = EntityMention.of("bg-" + round + "-" + i, types.get(random.nextInt(types.size())),
                                        begin, begin + 1 + random.nextInt(19), List.of());
                                batch.add(new Suggestion(m, new Provenance("test-model", "", "ner-v1", round), -random.nextDouble()));
                            }
                            store.suggestions().addSuggestions(CORPUS, documentId, batch);
                            added.computeIfAbsent(documentId, k -> Collections.synchronizedList(new ArrayList<>())).addAll(batch);
                        }
                    }
                    return null;
                });
                Future<?> reviewer = pool.submit(() -> {
                    RandomCurator curator = new RandomCurator(store, CORPUS, shared, "reviewer", "rv", true, 4);
                    Random random = new Random(5);
                    Set<String> decided = new HashSet<>();
                    start.await();
                    for (int i = 0; i < REVIEWER_STEPS; i++) {
                        String documentId = shared.get(random.nextInt(shared.size()));
                        List<Suggestion> open = store.suggestions().suggestions(CORPUS, documentId).stream()
                                .filter(s -> !decided.contains(documentId + "/" + s.id())).toList();
                        if (open.isEmpty()) {
                            reviewerEvents.add(curator.step(documentId, RandomCurator.Move.CREATE));
                            continue;
                        }
                        Suggestion s = open.get(random.nextInt(open.size()));
                        decided.add(documentId + "/" + s.id());
                        reviewerEvents.add(store.log().record(CORPUS, random.nextBoolean()
                                ? CorrectionEvent.onMention(documentId, "reviewer", CorrectionAction.ACCEPT, null, s.mention(),
                                        s.id(), "test:review", 900)
                                : CorrectionEvent.decision(documentId, "reviewer", CorrectionAction.REJECT, s.id(), "test:review",
                                        400)));
                    }
                    return null;
                });
                start.countDown();
                for (Future<?> f : List.of(ui, job, reviewer)) {
                    f.get(3, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }

            // most undo and redo steps must have gone through, or the test would not be testing them
            assertTrue(lostUndoRaces.get() < UI_STEPS / 10, lostUndoRaces + " UI steps lost an undo race");
            assertTrue(uiEvents.stream().anyMatch(e -> e.action() == CorrectionAction.UNDO), "no UNDO happened");
            assertTrue(reviewerEvents.stream().anyMatch(e -> e.action() == CorrectionAction.ACCEPT), "no ACCEPT happened");
            Map<Long, CorrectionEvent> logged = new HashMap<>();
            for (String documentId : shared) {
                for (CorrectionEvent e : CuratedLayerAssertions.assertCuratedLayerIsTheFold(store, CORPUS, documentId)) {
                    logged.put(e.id(), withoutTime(e));
                }
                assertEquals(bySuggestionId(added.get(documentId)), bySuggestionId(store.suggestions().suggestions(CORPUS, documentId)),
                        "suggestions of " + documentId);
            }
            for (List<CorrectionEvent> returned : List.of(uiEvents, reviewerEvents)) {
                for (CorrectionEvent e : returned) {
                    assertEquals(withoutTime(e), logged.get(e.id()), "event " + e.id() + " as returned and as logged");
                }
                // one writer's transactions follow one another, so its events climb the log
                List<Long> ids = returned.stream().map(CorrectionEvent::id).toList();
                assertEquals(ids.stream().sorted().toList(), ids, "one writer's events out of log order");
            }
            assertEquals(UI_STEPS - lostUndoRaces.get(), uiEvents.size());
            assertEquals(REVIEWER_STEPS, reviewerEvents.size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void aDocumentReadWhileItIsCorrectedIsNeverTorn(StoreKind kind) throws Exception {
        StoreLocation db = kind.newDatabase(dir);
        Document doc = new PubTatorReader()
                .read(Path.of(System.getProperty("taiyi.testdata"), "bc5cdr/CDR_TrainingSet.PubTator.txt")).get(0);
        EntityMention original = doc.mentions().get(0);
        EntityMention retyped = new EntityMention(original.id(), original.type() + "-retyped", original.spans(),
                original.normalizations(), original.attributes());
        // a MODIFY replaces the mention's rows, so a reader sees the document before or after it, never between
        Set<Set<EntityMention>> whole = Set.of(Set.copyOf(doc.mentions()), replaced(doc.mentions(), original, retyped));
        try (CorpusStore store = CorpusStore.open(db)) {
            store.documents().importDocuments(CORPUS, List.of(doc), "CDR_TrainingSet.PubTator.txt");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> reads = pool.submit(() -> {
                    int n = 0;
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                    while (System.nanoTime() < end) {
                        Set<EntityMention> read = Set.copyOf(store.documents().document(CORPUS, doc.id()).orElseThrow().mentions());
                        assertTrue(whole.contains(read), "a read between two states of the document: " + read);
                        n++;
                    }
                    return n;
                });
                EntityMention current = original;
                while (!reads.isDone()) {
                    EntityMention next = current == original ? retyped : original;
                    store.log().record(CORPUS, CorrectionEvent.onMention(doc.id(), "ui-curator", CorrectionAction.MODIFY, current,
                            next, null, "test:toggle", 0));
                    current = next;
                }
                assertTrue(reads.get() > 100, "only " + reads.get() + " reads");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static Set<EntityMention> replaced(List<EntityMention> mentions, EntityMention old, EntityMention replacement) {
        Set<EntityMention> out = new HashSet<>(mentions);
        out.remove(old);
        out.add(replacement);
        return out;
    }

    /** The stored time is the database's (rounded to its precision); everything else must round-trip. */
    private static CorrectionEvent withoutTime(CorrectionEvent e) {
        return e.stored(e.id(), Instant.EPOCH);
    }

    private static Map<String, Suggestion> bySuggestionId(List<Suggestion> suggestions) {
        return suggestions.stream().collect(Collectors.toMap(Suggestion::id, Function.identity()));
    }
}
