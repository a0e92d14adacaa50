package taiyi.workbench.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.runtime.CjkFontCheck.Coverage;

/**
 * The check reads fontconfig's answer: stand-in {@code fc-list} scripts answer as fontconfig does
 * on a machine with and without a CJK font (one family per line, or nothing), and fail.
 */
class CjkFontCheckTest {

    @TempDir
    Path tmp;

    private String fcList(String name, String script) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file.toString();
    }

    @Test
    void familiesForLangZhMeanChineseIsCovered() throws Exception {
        // fontconfig lists a family once per style, several names per line when localised
        String fc = fcList("fc-list", "[ \"$1\" = \":lang=zh\" ] && [ \"$2\" = family ] || exit 3\n"
                + "printf 'Noto Sans CJK SC,Noto Sans CJK SC Regular\\nNoto Serif CJK SC\\nNoto Sans CJK SC,Noto Sans CJK SC Regular\\n'");
        CjkFontCheck.Result result = new CjkFontCheck(fc).run();
        assertEquals(Coverage.COVERED, result.coverage(), result.detail());
        assertEquals(List.of("Noto Sans CJK SC,Noto Sans CJK SC Regular", "Noto Serif CJK SC"), result.families());
    }

    @Test
    void anEmptyAnswerMeansNoFontCoversChinese() throws Exception {
        CjkFontCheck.Result result = new CjkFontCheck(fcList("fc-list", "exit 0")).run();
        assertEquals(Coverage.MISSING, result.coverage());
        assertTrue(result.notice().contains("sudo apt-get install " + CjkFontCheck.SUGGESTED_PACKAGE), result.notice());
    }

    @Test
    void withoutAnAnswerTheCoverageIsUnknownAndSaysWhy() throws Exception {
        CjkFontCheck.Result failing = new CjkFontCheck(fcList("fc-list", "echo 'Fontconfig error: cannot load config' >&2; exit 1")).run();
        assertEquals(Coverage.UNKNOWN, failing.coverage());
        assertTrue(failing.detail().contains("status 1") && failing.detail().contains("cannot load config"), failing.detail());

        CjkFontCheck.Result absent = new CjkFontCheck(tmp.resolve("no-such-fc-list").toString()).run();
        assertEquals(Coverage.UNKNOWN, absent.coverage());
        assertTrue(absent.detail().startsWith("cannot run "), absent.detail());
    }
}
