package taiyi.workbench.learning.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.store.CorpusStore;

/** Which adapter pre-annotation loads: the latest round's for the model's weights, unless told otherwise. */
class AdapterSelectionTest {

    @TempDir
    Path dir;

    @Test
    void theLatestRoundTrainedOnTheModelsWeightsIsChosenUnlessToldOtherwise() throws Exception {
        Path tiny = AdapterFixtures.tinyModel();
        Path other = AdapterFixtures.otherModel(dir.resolve("other-model"));
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            AdapterFixtures.importNcbi(store, 3);
            AdapterSelection selection = new AdapterSelection(store);
            // nothing registered: the base model, without hashing anything
            ChosenAdapter none = selection.choose(AdapterFixtures.CORPUS, dir.resolve("not-even-a-model"), AdapterChoice.latest());
            assertEquals(Optional.empty(), none.folder());
            assertTrue(none.reason().contains("none registered"), none.reason());

            Path r1 = register(store, "r1", tiny, 1);
            Path r2 = register(store, "r2", tiny, 2);
            Path r3 = register(store, "r3-other", other, 3);

            ChosenAdapter latest = selection.choose(AdapterFixtures.CORPUS, tiny, AdapterChoice.latest());
            assertEquals(Optional.of(r2.toAbsolutePath().normalize()), latest.folder());
            assertEquals(OptionalInt.of(2), latest.round());
            // round 3 was trained on other weights: it is the other model's latest
            assertEquals(Optional.of(r3.toAbsolutePath().normalize()),
                    selection.choose(AdapterFixtures.CORPUS, other, AdapterChoice.latest()).folder());

            assertEquals(Optional.of(r1.toAbsolutePath().normalize()),
                    selection.choose(AdapterFixtures.CORPUS, tiny, AdapterChoice.of(Optional.empty(), OptionalInt.of(1), false)).folder());
            IllegalArgumentException notForThisModel = assertThrows(IllegalArgumentException.class,
                    () -> selection.choose(AdapterFixtures.CORPUS, tiny, AdapterChoice.of(Optional.empty(), OptionalInt.of(3), false)));
            assertTrue(notForThisModel.getMessage().contains("no usable adapter of round 3")
                    && notForThisModel.getMessage().contains("1 registered for other base models"), notForThisModel.getMessage());

            assertEquals(Optional.empty(), selection.choose(AdapterFixtures.CORPUS, tiny, AdapterChoice.of(Optional.empty(),
                    OptionalInt.empty(), true)).folder());
            Path given = dir.resolve("anywhere");
            assertEquals(Optional.of(given), selection.choose(AdapterFixtures.CORPUS, tiny, AdapterChoice.of(Optional.of(given),
                    OptionalInt.empty(), false)).folder());
            assertThrows(IllegalArgumentException.class, () -> AdapterChoice.of(Optional.of(given), OptionalInt.of(1), false));

            // round 2 retrained in place (other weights): no longer the registered adapter, so round 1 it is
            AdapterFixtures.peftAdapter(r2, 4, 99);
            ChosenAdapter afterOverwrite = selection.choose(AdapterFixtures.CORPUS, tiny, AdapterChoice.latest());
            assertEquals(OptionalInt.of(1), afterOverwrite.round());
        }
    }

    private static Path register(CorpusStore store, String name, Path model, int round) throws Exception {
        Path adapter = AdapterFixtures.peftAdapter(Files.createDirectories(store.folder().resolveSibling(name)), 4, round);
        AdapterFixtures.trainingReport(adapter, BaseModelHash.of(model), null, round, 0.5);
        new AdapterRegistry(store).register(adapter, List.of(AdapterFixtures.CORPUS), OptionalInt.empty());
        return adapter;
    }
}
