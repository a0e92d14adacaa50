package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.runtime.WorkbenchDataFolder;

class TaiyiCommandTest {

    private record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TaiyiCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Result r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: taiyi"), r.out());
        assertTrue(r.out().contains("version"), r.out());
    }

    @Test
    void versionLoadsThePyTorchEngineOfflineInsideOsgi() {
        Result r = run("version");
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
    void unknownCommandFailsWithAMessage() {
        Result r = run("frobnicate");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }
}
