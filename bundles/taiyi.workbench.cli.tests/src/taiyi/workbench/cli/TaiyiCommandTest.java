package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.cli.CommandRun.run;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

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
    void everyCommandAndSubcommandPrintsItsUsageForHelpAndExitsZero() {
        List<String> paths = new ArrayList<>();
        commandPaths(TaiyiCommand.commandLine(), "", paths);
        assertTrue(paths.containsAll(List.of("import", "export", "bench", "index rebuild")), paths.toString());
        for (String path : paths) {
            List<String> args = new ArrayList<>(List.of(path.split(" ")));
            args.add("--help");
            CommandRun r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), path + ": " + r.err());
            assertTrue(r.out().contains("Usage: taiyi " + path), path + ": " + r.out());
            assertEquals("", r.err(), path);
        }
    }

    @Test
    void helpWinsOverMissingRequiredOptions() {
        CommandRun r = run("import", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("--corpus=NAME"), r.out());
        assertFalse(r.err().contains("Missing required"), r.err());
    }

    private static void commandPaths(CommandLine command, String prefix, List<String> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                String path = prefix.isEmpty() ? name : prefix + " " + name;
                paths.add(path);
                commandPaths(sub, path, paths);
            }
        });
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
