package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.cli.CommandRun.run;


import org.junit.jupiter.api.Test;

import taiyi.workbench.core.runtime.WorkbenchDataFolder;

class TaiyiCommandTest {

    @Test
    void helpListsTheCommands() {
        CommandRun r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: taiyi"), r.out());
        assertTrue(r.out().contains("version"), r.out());
    }

    @Test
    void versionLoadsThePyTorchEngineOfflineInsideOsgi() {
        CommandRun r = run("version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("lucene:    9.12.3"), r.out());
        assertTrue(r.out().contains("h2:        2.3.232"), r.out());
        assertTrue(r.out().contains("engine:    PyTorch 2.7.1"), r.out());
        // [[1,2],[3,4]] squared is [[7,10],[15,22]], which sums to 54
        String summary = r.lines().get(r.lines().size() - 1);
        assertTrue(summary.startsWith("taiyi version: ") && summary.endsWith("check 54.0"), summary);
        assertTrue(r.out().contains("natives in " + WorkbenchDataFolder.resolve().engineCache()), r.out());
    }

    @Test
    void benchIsMountedFromTheBenchBundleWithEveryBenchmark() {
        CommandRun r = run("bench", "--help");
        assertEquals(0, r.code(), r.err());
        for (String name : new String[] {"formats", "store", "index", "decoder", "tokenizer"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith(name + " ")), name + " missing in:\n" + r.out());
        }
        CommandRun none = run("bench");
        assertNotEquals(0, none.code());
        assertTrue(none.err().contains("missing benchmark name"), none.err());
    }

    @Test
    void benchRefusesAnUnknownFormatBeforeReadingAnything() {
        CommandRun r = run("bench", "tokenizer", "--vocabulary", "no-such.tiktoken", "--format", "nonsense", "no-such.txt");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("unknown format 'nonsense'") && r.err().contains("pubtator"), r.err());
    }

    @Test
    void unknownCommandFailsWithAMessage() {
        CommandRun r = run("frobnicate");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }
}
