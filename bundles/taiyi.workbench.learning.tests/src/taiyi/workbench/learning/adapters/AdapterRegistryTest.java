package taiyi.workbench.learning.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.learning.export.DistributedTrainer;
import taiyi.workbench.learning.export.RoundExport;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.RegisteredAdapter;

/** Registering adapters by round: from taiyi train's report, imported from the distributed trainer, and what is refused. */
class AdapterRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theBaseModelHashIsTheWeightFilesInNameOrderAndFollowsTheirBytes() throws Exception {
        Path model = AdapterFixtures.tinyModel();
        String hash = BaseModelHash.of(model);
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/sha256sum")), "no sha256sum to check against");
        // the same definition computed by another tool: the shards concatenated in name order
        Process p = new ProcessBuilder("sh", "-c", "cat pytorch_model-*.bin | /usr/bin/sha256sum").directory(model.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(out.substring(0, 64), hash);
        // one byte changed is another model
        String other = BaseModelHash.of(AdapterFixtures.otherModel(dir.resolve("other")));
        assertTrue(other.matches("[0-9a-f]{64}") && !other.equals(hash));
        IOException none = assertThrows(IOException.class, () -> BaseModelHash.of(Files.createDirectories(dir.resolve("empty"))));
        assertTrue(none.getMessage().contains("no weight files"), none.getMessage());
    }

    @Test
    void anAdapterFromTaiyiTrainIsRegisteredForItsRoundsCorporaWithItsReport() throws Exception {
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            AdapterFixtures.importNcbi(store, 10);
            Path round = AdapterFixtures.exportRound(store, 2, dir.resolve("round-2"));
            String manifest = sha256(round.resolve(RoundExport.MANIFEST));
            Path adapter = AdapterFixtures.peftAdapter(dir.resolve("adapter-r2"), 4, 1);
            AdapterFixtures.trainingReport(adapter, BaseModelHash.of(AdapterFixtures.tinyModel()), manifest, 2, 0.0625);

            List<RegisteredAdapter> rows = new AdapterRegistry(store).register(adapter, round);

            assertEquals(1, rows.size());
            RegisteredAdapter r = store.adapters().adapters(AdapterFixtures.CORPUS).get(0);
            assertEquals(rows.get(0), r);
            assertEquals(2, r.round());
            assertEquals(adapter.toAbsolutePath().normalize().toString(), r.folder());
            assertEquals(manifest, r.dataManifestSha256());
            assertEquals(BaseModelHash.of(AdapterFixtures.tinyModel()), r.baseModelSha256());
            assertEquals(sha256(adapter.resolve("adapter_model.safetensors")), r.adapterSha256());
            assertEquals(0.0625, r.finalLoss());
            assertEquals(42L, r.steps());
            assertEquals(RegisteredAdapter.WORKBENCH, r.origin());
            assertEquals(JSON.readTree("{\"lora_rank\":4,\"lora_alpha\":16,\"learning_rate\":2.0E-4,\"num_train_epochs\":3}"),
                    JSON.readTree(r.hyperparameters()));
            assertNull(r.evaluationF1());

            // the same adapter again is refused
            assertThrows(RuntimeException.class, () -> new AdapterRegistry(store).register(adapter, round));
            assertEquals(1, store.adapters().adapters(AdapterFixtures.CORPUS).size());
        }
    }

    @Test
    void aReportThatDisagreesOrIsMalformedIsNamedAndNothingIsRegistered() throws Exception {
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            AdapterFixtures.importNcbi(store, 10);
            Path round = AdapterFixtures.exportRound(store, 2, dir.resolve("round-2"));
            String model = BaseModelHash.of(AdapterFixtures.tinyModel());
            AdapterRegistry registry = new AdapterRegistry(store);

            Path otherData = AdapterFixtures.peftAdapter(dir.resolve("a1"), 4, 1);
            AdapterFixtures.trainingReport(otherData, model, "0".repeat(64), 2, 0.5);
            IOException wrongData = assertThrows(IOException.class, () -> registry.register(otherData, round));
            assertTrue(wrongData.getMessage().startsWith(otherData.toAbsolutePath().normalize().resolve(TrainingReport.FILE)
                    + ": field dataManifestSha256 is 0000"), wrongData.getMessage());

            Path otherRound = AdapterFixtures.peftAdapter(dir.resolve("a2"), 4, 2);
            AdapterFixtures.trainingReport(otherRound, model, null, 3, 0.5);
            IOException wrongRound = assertThrows(IOException.class, () -> registry.register(otherRound, round));
            assertTrue(wrongRound.getMessage().contains("field round is 3, but"), wrongRound.getMessage());

            Path noRound = AdapterFixtures.peftAdapter(dir.resolve("a3"), 4, 3);
            AdapterFixtures.trainingReport(noRound, model, null, null, 0.5);
            IOException unknownRound = assertThrows(IOException.class,
                    () -> registry.register(noRound, List.of(AdapterFixtures.CORPUS), OptionalInt.empty()));
            assertTrue(unknownRound.getMessage().contains("field round is null"), unknownRound.getMessage());
            IOException unknownCorpus = assertThrows(IOException.class, () -> registry.register(noRound, List.of("nope"), OptionalInt.of(1)));
            assertTrue(unknownCorpus.getMessage().startsWith("unknown corpus 'nope'"), unknownCorpus.getMessage());

            Path broken = AdapterFixtures.peftAdapter(dir.resolve("a4"), 4, 4);
            Files.writeString(broken.resolve(TrainingReport.FILE), "{\"baseModelSha256\": \"" + model + "\", \"round\": 2,\n"
                    + "\"hyperparameters\": {}, \"steps\": 1, \"tokens\": 2}", StandardCharsets.UTF_8);
            IOException noLoss = assertThrows(IOException.class, () -> registry.register(broken, round));
            assertEquals(broken.toAbsolutePath().normalize().resolve(TrainingReport.FILE) + ": field finalLoss must be a finite number, is null",
                    noLoss.getMessage());

            Path notPeft = Files.createDirectories(dir.resolve("a5"));
            Files.writeString(notPeft.resolve("adapter_config.json"), "{\"peft_type\": \"LORA\", \"r\": 4, \"lora_alpha\": 16, "
                    + "\"target_modules\": [\"c_attn\"]}");
            IOException noWeights = assertThrows(IOException.class, () -> registry.register(notPeft, round));
            assertTrue(noWeights.getMessage().contains("no adapter_model.safetensors"), noWeights.getMessage());

            assertEquals(List.of(), store.adapters().adapters(AdapterFixtures.CORPUS));
        }
    }

    @Test
    void anAdapterFromTheDistributedTrainerIsImportedWithHashesComputedHere() throws Exception {
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            AdapterFixtures.importNcbi(store, 10);
            Path round = AdapterFixtures.exportRound(store, 3, dir.resolve("round-3"));
            // what train/train_qlora.py leaves in its output folder: the adapter, the saved configuration, the trainer's state
            Path out = AdapterFixtures.peftAdapter(dir.resolve("cluster-out"), 8, 5);
            Files.copy(round.resolve(DistributedTrainer.CONFIG), out.resolve(DistributedTrainer.SAVED_CONFIG));
            Files.writeString(out.resolve("trainer_state.json"), "{\"global_step\": 96, \"log_history\": [{\"loss\": 1.25, \"step\": 10}, "
                    + "{\"loss\": 0.375, \"step\": 90}, {\"train_loss\": 0.8, \"step\": 96}]}");

            List<RegisteredAdapter> rows = new AdapterRegistry(store).importTrained(out, 3, Optional.of(AdapterFixtures.tinyModel()),
                    Optional.empty(), List.of());

            RegisteredAdapter r = rows.get(0);
            assertEquals(AdapterFixtures.CORPUS, r.corpus());
            assertEquals(3, r.round());
            assertEquals(RegisteredAdapter.IMPORTED, r.origin());
            assertEquals(BaseModelHash.of(AdapterFixtures.tinyModel()), r.baseModelSha256());
            assertEquals(sha256(round.resolve(RoundExport.MANIFEST)), r.dataManifestSha256());
            assertEquals(0.375, r.finalLoss());
            assertEquals(96L, r.steps());
            JsonNode hyper = JSON.readTree(r.hyperparameters());
            JsonNode recipe = JSON.readTree(round.resolve(RoundExport.MANIFEST).toFile()).get("recipe");
            // the adapter's own rank wins over the recipe's; the rest is the recipe the trainer ran
            assertEquals(8, hyper.get("lora_rank").asInt());
            assertEquals(recipe.get("learning_rate"), hyper.get("learning_rate"));
            assertEquals(recipe.get("num_train_epochs"), hyper.get("num_train_epochs"));
            assertEquals(JSON.readTree("[\"c_attn\",\"w1\"]"), hyper.get("target_modules"));

            // a round that is not the configuration's is refused
            Path again = AdapterFixtures.peftAdapter(dir.resolve("cluster-out-2"), 8, 6);
            Files.copy(round.resolve(DistributedTrainer.CONFIG), again.resolve(DistributedTrainer.SAVED_CONFIG));
            IOException wrong = assertThrows(IOException.class, () -> new AdapterRegistry(store).importTrained(again, 4,
                    Optional.of(AdapterFixtures.tinyModel()), Optional.empty(), List.of()));
            assertTrue(wrong.getMessage().contains("field round is 3, not 4"), wrong.getMessage());
            assertEquals(1, store.adapters().adapters(AdapterFixtures.CORPUS).size());
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
