package taiyi.workbench.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class WorkbenchDataFolderTest {

    private static Properties props(String... kv) {
        Properties p = new Properties();
        p.setProperty("user.home", "/home/ann");
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void systemPropertyWinsOverEnvironment() {
        WorkbenchDataFolder f = WorkbenchDataFolder.resolve(props("taiyi.data", "/srv/taiyi"), Map.of("TAIYI_DATA", "/tmp/x"));
        assertEquals(Path.of("/srv/taiyi"), f.root());
        assertEquals(Path.of("/srv/taiyi/db"), f.database());
        assertEquals(Path.of("/srv/taiyi/djl"), f.engineCache());
    }

    @Test
    void environmentThenXdgThenHome() {
        assertEquals(Path.of("/tmp/x"), WorkbenchDataFolder.resolve(props(), Map.of("TAIYI_DATA", "/tmp/x")).root());
        assertEquals(Path.of("/data/taiyi-workbench"),
                WorkbenchDataFolder.resolve(props(), Map.of("XDG_DATA_HOME", "/data")).root());
        assertEquals(Path.of("/home/ann/.local/share/taiyi-workbench"), WorkbenchDataFolder.resolve(props(), Map.of()).root());
    }
}
