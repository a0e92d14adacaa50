package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.cli.CommandRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.store.CorpusStore;

/** {@code taiyi learn} on the NCBI-disease development set imported as gold. */
class LearnCommandTest {

    @TempDir
    Path tmp;

    @Test
    void trainsSavesTheRoundAndWritesSuggestions() throws Exception {
        String db = tmp.resolve("db").toString();
        Path ncbi = Path.of(System.getProperty("taiyi.testdata"), "ncbi-disease/pubtator/NCBIdevelopset_corpus.txt");
        assertEquals(0, run("import", "--db", db, "--corpus", "ncbi", "--format", "pubtator", ncbi.toString()).code());

        CommandRun nothingDone = run("learn", "--db", db, "--corpus", "ncbi");
        assertNotEquals(0, nothingDone.code());
        assertTrue(nothingDone.err().contains("corpus ncbi has no done documents to learn from"), nothingDone.err());

        CommandRun first = run("learn", "--db", db, "--corpus", "ncbi", "--documents", "all", "--max-iterations", "5");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("dictionary: round 1, trained on 100 documents"), first.out());
        assertTrue(first.out().contains("tagger: round 1, trained on 100 documents"), first.out());
        Matcher m = Pattern.compile("taiyi learn: 2 learners trained on corpus 'ncbi', (\\d+) suggestions written").matcher(first.last());
        assertTrue(m.matches(), first.last());
        int written = Integer.parseInt(m.group(1));
        assertTrue(Files.isRegularFile(tmp.resolve("db/learners/ncbi/tagger/round-1.model")));
        try (CorpusStore store = CorpusStore.open(tmp.resolve("db"))) {
            long stored = store.documents().summaries("ncbi").stream()
                    .mapToLong(d -> store.suggestions().suggestions("ncbi", d.id()).size()).sum();
            assertEquals(written, stored);
        }

        CommandRun second = run("learn", "--db", db, "--corpus", "ncbi", "--documents", "all", "--learner", "dictionary");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("dictionary: round 2"), second.out());
        assertTrue(Files.isRegularFile(tmp.resolve("db/learners/ncbi/dictionary/round-2.model")));

        CommandRun wrong = run("learn", "--db", db, "--corpus", "ncbi", "--learner", "crf");
        assertNotEquals(0, wrong.code());
        assertTrue(wrong.err().contains("learner must be one of dictionary, tagger, all, not 'crf'"), wrong.err());
    }
}
