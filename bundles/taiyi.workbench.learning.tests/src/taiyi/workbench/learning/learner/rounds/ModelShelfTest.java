package taiyi.workbench.learning.learner.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.learning.learner.MentionModel;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.learning.learner.dictionary.DictionaryLearner;
import taiyi.workbench.learning.learner.tagger.SequenceTaggerLearner;
import taiyi.workbench.learning.learner.tagger.TaggerSettings;
import taiyi.workbench.testing.TestCorpora;

/** Models saved by round, private to their owner, and read back as they were. */
class ModelShelfTest {

    @TempDir
    Path folder;

    private static List<CuratedDocument> curated(List<Document> docs) {
        return docs.stream().map(d -> new CuratedDocument("c", d, CurationState.DONE)).toList();
    }

    @Test
    void keepsEachRoundAndReadsItBackPredictingTheSame() throws Exception {
        List<Document> docs = TestCorpora.bc5cdrDevel().subList(0, 8);
        ModelShelf shelf = new ModelShelf(folder.resolve("learners"));
        MentionModel tagger = new SequenceTaggerLearner(new TaggerSettings(15, 1, 10, false)).train(curated(docs),
                LabelSchema.inferredFrom(docs), TrainingProgress.NONE);
        MentionModel dictionary = new DictionaryLearner().train(curated(docs), LabelSchema.inferredFrom(docs), TrainingProgress.NONE);
        assertEquals(1, shelf.nextRound("cdr/α", "tagger"));
        shelf.save("cdr/α", tagger, 1);
        shelf.save("cdr/α", tagger, 2);
        shelf.save("cdr/α", dictionary, 1);
        assertEquals(List.of(1, 2), shelf.rounds("cdr/α", "tagger"));
        assertEquals(3, shelf.nextRound("cdr/α", "tagger"));
        assertEquals(2, shelf.nextRound("cdr/α", "dictionary"));

        Document unseen = TestCorpora.bc5cdrDevel().get(20);
        SavedModel loaded = shelf.latest("cdr/α", "tagger").orElseThrow();
        assertEquals(2, loaded.round());
        assertEquals(tagger.predict(unseen), loaded.model().predict(unseen));
        assertEquals(dictionary.predict(unseen), shelf.load("cdr/α", "dictionary", 1).model().predict(unseen));

        // the corpus name cannot climb out of the shelf, and everything is the owner's alone
        Path file = loaded.file();
        assertTrue(file.startsWith(shelf.root()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        for (Path p = file.getParent(); !p.equals(shelf.root().getParent()); p = p.getParent()) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of("round-1.model", "round-2.model"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> shelf.save("cdr/α", tagger, 2));
        assertTrue(twice.getMessage().contains("round 2 of tagger is already saved"), twice.getMessage());
    }

    @Test
    void refusesAFileThatIsNoModelNamingIt() throws Exception {
        ModelShelf shelf = new ModelShelf(folder);
        Path dir = shelf.folder("c", "dictionary");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("round-1.model"), "not a model");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shelf.load("c", "dictionary", 1));
        assertTrue(e.getMessage().startsWith(dir.resolve("round-1.model") + ": cannot read the saved model"), e.getMessage());

        // a serialised object of a class no model is made of is refused before it is built
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(dir.resolve("round-2.model")))) {
            out.writeObject(new org.opentest4j.AssertionFailedError("x"));
        }
        IllegalArgumentException planted = assertThrows(IllegalArgumentException.class, () -> shelf.load("c", "dictionary", 2));
        assertTrue(planted.getMessage().contains("not a class a saved learner model is made of"), planted.getMessage());
    }
}
