package taiyi.workbench.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchLanguageTest {

    @TempDir
    Path tmp;

    @Test
    void aChosenLanguageIsOneLineTheLaunchScriptReadsAndForgettingItRemovesTheFile() throws Exception {
        WorkbenchDataFolder folder = new WorkbenchDataFolder(tmp.resolve("data"));
        assertEquals(Optional.empty(), LaunchLanguage.read(folder));
        LaunchLanguage.write(folder, Optional.of("zh_CN"));
        assertEquals("zh_CN\n", Files.readString(tmp.resolve("data/language")));
        assertEquals(Optional.of("zh_CN"), LaunchLanguage.read(folder));
        LaunchLanguage.write(folder, Optional.of("en"));
        assertEquals(Optional.of("en"), LaunchLanguage.read(folder));
        LaunchLanguage.write(folder, Optional.empty());
        assertFalse(Files.exists(tmp.resolve("data/language")));
        try (var left = Files.list(tmp.resolve("data"))) {
            assertEquals(0, left.count(), "no partial file is left behind");
        }
    }

    @Test
    void somethingThatIsNotALocaleIsRefusedOnWriteAndIgnoredOnRead() throws Exception {
        WorkbenchDataFolder folder = new WorkbenchDataFolder(tmp);
        assertThrows(IllegalArgumentException.class, () -> LaunchLanguage.write(folder, Optional.of("zh_CN -data /")));
        assertFalse(Files.exists(tmp.resolve("language")));
        Files.writeString(tmp.resolve("language"), "-clean\n");
        assertEquals(Optional.empty(), LaunchLanguage.read(folder));
    }
}
