package taiyi.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a store is, and the privacy rules of a server: credentials come from the environment, never
 * from the URL, and nothing that prints a location prints a password.
 */
class StoreLocationTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/taiyi";

    @TempDir
    Path tmp;

    @Test
    void aFolderOrAUrlIsTakenAsGiven() {
        StoreLocation folder = StoreLocation.parse(tmp.toString(), Map.of());
        assertFalse(folder.isServer());
        assertEquals(tmp, folder.localFolder());
        StoreLocation server = StoreLocation.parse(URL, Map.of(StoreLocation.USER_VARIABLE, "ann",
                StoreLocation.PASSWORD_VARIABLE, "s3cret-pass"));
        assertTrue(server.isServer());
        assertEquals(URL, server.url());
        assertEquals("ann", server.user());
        assertFalse(server.toString().contains("s3cret-pass"), server.toString());
    }

    @Test
    void credentialsInTheUrlAreRefusedNamingTheVariables() {
        StoreException password = assertThrows(StoreException.class,
                () -> StoreLocation.parse(URL + "?ssl=false&password=s3cret-pass", Map.of(StoreLocation.USER_VARIABLE, "ann")));
        assertTrue(password.getMessage().contains(StoreLocation.PASSWORD_VARIABLE), password.getMessage());
        assertFalse(password.getMessage().contains("s3cret-pass"), password.getMessage());
        StoreException userInfo = assertThrows(StoreException.class,
                () -> StoreLocation.parse("jdbc:postgresql://ann:s3cret-pass@127.0.0.1/taiyi", Map.of()));
        assertFalse(userInfo.getMessage().contains("s3cret-pass"), userInfo.getMessage());
        StoreException noUser = assertThrows(StoreException.class, () -> StoreLocation.parse(URL, Map.of()));
        assertTrue(noUser.getMessage().contains(StoreLocation.USER_VARIABLE), noUser.getMessage());
        StoreException other = assertThrows(StoreException.class,
                () -> StoreLocation.parse("jdbc:mysql://127.0.0.1/taiyi", Map.of(StoreLocation.USER_VARIABLE, "ann")));
        assertTrue(other.getMessage().contains("jdbc:postgresql://host[:port]/database"), other.getMessage());
    }

    @Test
    void aServerThatRefusesTheLoginIsNamedWithoutThePassword() throws Exception {
        // nothing listens on port 1 of the loopback address: the store says which server it could not reach
        StoreLocation nowhere = StoreLocation.server("jdbc:postgresql://127.0.0.1:1/taiyi?connectTimeout=2", "ann", "s3cret-pass",
                tmp.resolve("local"));
        StoreException e = assertThrows(StoreException.class, () -> CorpusStore.open(nowhere).close());
        assertTrue(e.getMessage().startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/taiyi"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-pass"), e.getMessage());
        // the local folder kept for the server is private to its owner
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("local"))));
    }
}
