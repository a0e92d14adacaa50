package taiyi.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/**
 * A corpus stays private on a machine several accounts share: the database folder and files are
 * its owner's alone, the database has a random password kept in a {@code 0600} file, an older
 * database (open modes, empty password) is tightened and moved to a password on first open, and
 * the server through which the CLI shares an open database listens on the loopback address only.
 */
class StorePrivacyTest {

    @TempDir
    Path tmp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static List<Document> ncbiSample() throws Exception {
        return new PubTatorReader().read(Path.of(System.getProperty("taiyi.samples"), "NCBIdevelopset_corpus.txt"));
    }

    private static JdbcDataSource dataSource(Path folder, String password) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + folder.toAbsolutePath().resolve("taiyi") + ";AUTO_SERVER=TRUE");
        ds.setUser("taiyi");
        ds.setPassword(password);
        return ds;
    }

    @Test
    void aNewDatabaseIsPrivateAndHasARandomPassword() throws Exception {
        Path folder = tmp.resolve("data/db");
        try (CorpusStore store = CorpusStore.open(folder)) {
            store.documents().importDocuments("ncbi", ncbiSample(), "sample");
            assertEquals("rwx------", mode(folder));
            assertEquals("rw-------", mode(folder.resolve("taiyi.mv.db")));
            assertEquals("rw-------", mode(folder.resolve(DatabasePassword.FILE)));
            String password = Files.readString(folder.resolve(DatabasePassword.FILE)).strip();
            assertTrue(password.length() >= 32, "a short password: " + password.length() + " chars");
            // through the running AUTO_SERVER, as another process would connect
            assertThrows(SQLException.class, () -> dataSource(folder, "").getConnection().close());
            try (Connection c = dataSource(folder, password).getConnection()) {
                assertTrue(c.isValid(1));
            }
            assertTrue(store.privacyWarnings().isEmpty(), store.privacyWarnings().toString());
        }
        // a second database gets a password of its own
        Path other = tmp.resolve("other");
        CorpusStore.open(other).close();
        assertFalse(Files.readString(other.resolve(DatabasePassword.FILE)).equals(Files.readString(folder.resolve(DatabasePassword.FILE))));
    }

    @Test
    void anOlderOpenDatabaseWithAnEmptyPasswordIsTightenedAndMovedToARandomOne() throws Exception {
        Path folder = tmp.resolve("db");
        Files.createDirectories(folder);
        // what an older workbench left: rwxr-xr-x, rw-r--r--, user taiyi with an empty password
        try (Connection c = dataSource(folder, "").getConnection()) {
            c.createStatement().execute("CREATE TABLE left_by_the_older_version(x INT)");
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(folder.resolve("taiyi.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

        try (CorpusStore store = CorpusStore.open(folder)) {
            assertEquals(4, store.schemaVersion());
            assertEquals("rwx------", mode(folder));
            assertEquals("rw-------", mode(folder.resolve("taiyi.mv.db")));
            assertEquals("rw-------", mode(folder.resolve(DatabasePassword.FILE)));
        }
        assertThrows(SQLException.class, () -> dataSource(folder, "").getConnection().close());
        String password = Files.readString(folder.resolve(DatabasePassword.FILE)).strip();
        try (Connection c = dataSource(folder, password).getConnection()) {
            assertTrue(c.getMetaData().getTables(null, null, "LEFT_BY_THE_OLDER_VERSION", null).next());
        }
    }

    @Test
    void aMigrationInterruptedAfterSettingThePasswordIsFinishedOnTheNextOpen() throws Exception {
        Path folder = tmp.resolve("db");
        Files.createDirectories(folder);
        try (Connection c = dataSource(folder, "").getConnection()) {
            c.createStatement().execute("ALTER USER taiyi SET PASSWORD 'set-before-the-kill'");
        }
        Files.writeString(folder.resolve("password.new"), "set-before-the-kill\n");
        CorpusStore.open(folder).close();
        assertEquals("set-before-the-kill", Files.readString(folder.resolve(DatabasePassword.FILE)).strip());
        assertFalse(Files.exists(folder.resolve("password.new")));
    }

    @Test
    void aDatabaseCopiedWithoutItsPasswordFileIsRefusedWithTheFileNamed() throws Exception {
        Path folder = tmp.resolve("db");
        CorpusStore.open(folder).close();
        Files.delete(folder.resolve(DatabasePassword.FILE));
        StoreException e = assertThrows(StoreException.class, () -> CorpusStore.open(folder).close());
        assertTrue(e.getMessage().contains(folder.resolve(DatabasePassword.FILE) + " is missing"), e.getMessage());
        assertFalse(Files.exists(folder.resolve("password.new")));
    }

    @Test
    void theSharingServerListensOnTheLoopbackAddressOnly() throws Exception {
        Path folder = tmp.resolve("db");
        try (CorpusStore store = CorpusStore.open(folder)) {
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(folder.resolve("taiyi.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            List<InetAddress> listening = listeningAddresses(port);
            assertFalse(listening.isEmpty(), "no listening socket on the server's port " + server);
            for (InetAddress address : listening) {
                assertTrue(address.isLoopbackAddress(), "port " + port + " listens on " + address + ", not on loopback");
            }
        }
    }

    /**
     * An address as /proc/net/tcp{,6} writes it: hex, in 32-bit words of host (little-endian) byte
     * order; an IPv4-mapped IPv6 address ({@code ::ffff:127.0.0.1}) comes back as the IPv4 one.
     */
    private static InetAddress address(String hex) throws Exception {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - b) * 2, word * 8 + (3 - b) * 2 + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    /** The local addresses listening on a port, from the kernel's socket tables. */
    private static List<InetAddress> listeningAddresses(int port) throws Exception {
        List<InetAddress> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals("0A") && new BigInteger(local[1], 16).intValue() == port) {
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }
}
