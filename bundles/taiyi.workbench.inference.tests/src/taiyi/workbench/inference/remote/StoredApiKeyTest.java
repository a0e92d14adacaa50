package taiyi.workbench.inference.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's API key in Eclipse secure storage in a data folder: encrypted on disk, private, read
 * back by another opening of the same files, cleared, and refused with a clear error under another
 * password. Each check of what is on disk reads a copy of the folder, since Equinox keeps an opened
 * storage in memory.
 */
class StoredApiKeyTest {

    private static final String SECRET = "sk-taiyi-7f3a9c2e51d04b8e";

    @TempDir
    Path tmp;

    private Path copyOf(Path data, String name) throws Exception {
        Path copy = Files.createDirectory(tmp.resolve(name));
        for (String file : new String[] {StoredApiKey.STORAGE_FILE, StoredApiKey.PASSWORD_FILE}) {
            Files.copy(data.resolve(file), copy.resolve(file));
        }
        return copy;
    }

    @Test
    void aStoredKeyIsEncryptedPrivateAndReadBackFromDisk() throws Exception {
        Path data = tmp.resolve("data");
        StoredApiKey stored = StoredApiKey.in(data);
        assertEquals(Optional.empty(), stored.read());
        assertFalse(stored.isSet());
        assertFalse(Files.exists(data), "reading made the data folder");

        stored.store("  " + SECRET + "\n");

        assertTrue(stored.isSet());
        Path storage = data.resolve(StoredApiKey.STORAGE_FILE);
        String onDisk = Files.readString(storage, StandardCharsets.ISO_8859_1);
        assertTrue(onDisk.contains("openai"), "the node is not in " + storage + ": " + onDisk);
        assertFalse(onDisk.contains(SECRET), "the key is in clear text in " + storage);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(storage)));
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(StoredApiKey.PASSWORD_FILE))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));

        ApiKey key = StoredApiKey.in(copyOf(data, "copy")).read().orElseThrow();
        assertTrue(key.matches(SECRET));
        assertTrue(key.source().contains("secure storage"), key.source());
        assertFalse(key.toString().contains(SECRET), key.toString());
    }

    @Test
    void clearingForgetsTheKeyOnDisk() throws Exception {
        Path data = tmp.resolve("data");
        StoredApiKey stored = StoredApiKey.in(data);
        stored.store(SECRET);
        stored.store("sk-second");
        assertTrue(stored.read().orElseThrow().matches("sk-second"));

        stored.clear();

        assertEquals(Optional.empty(), stored.read());
        assertFalse(stored.isSet());
        assertEquals(Optional.empty(), StoredApiKey.in(copyOf(data, "copy")).read());
        assertThrows(IllegalArgumentException.class, () -> stored.store(" "));
    }

    @Test
    void aStorageUnderAnotherPasswordIsRefusedNamingItAndNotTheKey() throws Exception {
        Path data = tmp.resolve("data");
        StoredApiKey.in(data).store(SECRET);
        Path copy = copyOf(data, "copy");
        Files.writeString(copy.resolve(StoredApiKey.PASSWORD_FILE), "0123456789abcdef0123456789abcdef\n");

        StoredApiKey elsewhere = StoredApiKey.in(copy);
        assertTrue(elsewhere.isSet());
        IllegalStateException e = assertThrows(IllegalStateException.class, elsewhere::read);
        assertTrue(e.getMessage().contains(copy.resolve(StoredApiKey.STORAGE_FILE).toString()), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }
}
