package taiyi.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/** The adapter registry's table: adapters by corpus and round, their evaluation, duplicates and unknown corpora refused. */
class AdapterRegistryTableTest {

    private static final String CORPUS = "ncbi";
    private static final String MODEL = "a".repeat(64);

    @TempDir
    Path dir;

    private StoreLocation withCorpus(StoreKind kind) throws Exception {
        StoreLocation db = kind.newDatabase(dir);
        List<Document> docs = new PubTatorReader().read(Path.of(System.getProperty("taiyi.testdata"), "ncbi-disease/pubtator/NCBIdevelopset_corpus.txt"));
        try (CorpusStore store = CorpusStore.open(db)) {
            store.documents().importDocuments(CORPUS, docs.subList(0, 3), "NCBIdevelopset_corpus.txt");
        }
        return db;
    }

    private static RegisteredAdapter adapter(int round, String folder, String weights, Double loss, Long steps, String origin) {
        return new RegisteredAdapter(0, CORPUS, round, folder, weights, MODEL, round == 2 ? null : "b".repeat(64),
                "{\"lora_rank\":64,\"lora_alpha\":16}", loss, steps, origin, Instant.parse("2026-12-04T10:00:00Z").plusSeconds(round),
                null, null);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void adaptersComeBackByRoundWithWhatWasRecorded(StoreKind kind) throws Exception {
        StoreLocation db = withCorpus(kind);
        try (CorpusStore store = CorpusStore.open(db)) {
            RegisteredAdapter two = store.adapters().add(adapter(2, "/runs/r2", "c".repeat(64), null, null, RegisteredAdapter.IMPORTED));
            RegisteredAdapter one = store.adapters().add(adapter(1, "/runs/r1", "d".repeat(64), 0.0625, 120L, RegisteredAdapter.WORKBENCH));
            assertTrue(one.id() > 0 && two.id() > 0 && one.id() != two.id());
        }
        try (CorpusStore store = CorpusStore.open(db)) {
            List<RegisteredAdapter> all = store.adapters().adapters(CORPUS);
            assertEquals(List.of(1, 2), all.stream().map(RegisteredAdapter::round).toList());
            RegisteredAdapter first = all.get(0);
            assertEquals("/runs/r1", first.folder());
            assertEquals(0.0625, first.finalLoss());
            assertEquals(120L, first.steps());
            assertEquals("b".repeat(64), first.dataManifestSha256());
            assertEquals("{\"lora_rank\":64,\"lora_alpha\":16}", first.hyperparameters());
            assertEquals(RegisteredAdapter.WORKBENCH, first.origin());
            assertEquals(Instant.parse("2026-12-04T10:00:01Z"), first.registeredAt());
            RegisteredAdapter second = all.get(1);
            assertNull(second.finalLoss());
            assertNull(second.steps());
            assertNull(second.dataManifestSha256());
            assertTrue(second.f1().isEmpty());

            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            store.adapters().recordEvaluation(second.id(), 0.8125, at);
            RegisteredAdapter evaluated = store.adapters().adapters(CORPUS).get(1);
            assertEquals(0.8125, evaluated.evaluationF1());
            assertEquals(at, evaluated.evaluatedAt());
            assertTrue(store.adapters().adapters("no-such-corpus").isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void theSameWeightsTwiceAndAnUnknownCorpusAreRefused(StoreKind kind) throws Exception {
        StoreLocation db = withCorpus(kind);
        try (CorpusStore store = CorpusStore.open(db)) {
            store.adapters().add(adapter(1, "/runs/r1", "d".repeat(64), 0.5, 10L, RegisteredAdapter.WORKBENCH));
            StoreException twice = assertThrows(StoreException.class,
                    () -> store.adapters().add(adapter(1, "/runs/r1", "d".repeat(64), 0.5, 10L, RegisteredAdapter.WORKBENCH)));
            assertTrue(twice.getMessage().contains("already registered"), twice.getMessage());
            // retrained into the same folder: new weights, a new row
            store.adapters().add(adapter(3, "/runs/r1", "e".repeat(64), 0.25, 20L, RegisteredAdapter.WORKBENCH));
            assertEquals(2, store.adapters().adapters(CORPUS).size());

            RegisteredAdapter elsewhere = new RegisteredAdapter(0, "missing", 1, "/runs/x", "f".repeat(64), MODEL, null, "{}", null,
                    null, RegisteredAdapter.IMPORTED, Instant.now(), null, null);
            StoreException unknown = assertThrows(StoreException.class, () -> store.adapters().add(elsewhere));
            assertTrue(unknown.getMessage().contains("no corpus named 'missing'"), unknown.getMessage());
            assertThrows(StoreException.class, () -> store.adapters().recordEvaluation(987654L, 0.5, Instant.now()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void copyingACorpusCarriesItsAdapters(StoreKind kind) throws Exception {
        StoreLocation db = withCorpus(kind);
        try (CorpusStore store = CorpusStore.open(db); CorpusStore target = CorpusStore.open(dir.resolve("copy"))) {
            store.adapters().add(adapter(1, "/runs/r1", "d".repeat(64), 0.5, 10L, RegisteredAdapter.WORKBENCH));
            DatabaseCopy.copy(store, target, List.of(CORPUS));
            List<RegisteredAdapter> copied = target.adapters().adapters(CORPUS);
            assertEquals(1, copied.size());
            assertEquals("/runs/r1", copied.get(0).folder());
            assertEquals(1L, DatabaseCopy.proof(target, CORPUS).rowsByTable().get("adapter"));
        }
    }
}
