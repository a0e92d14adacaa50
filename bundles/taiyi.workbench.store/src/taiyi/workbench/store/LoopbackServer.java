package taiyi.workbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Keeps H2's AUTO_SERVER, the TCP server through which the CLI shares a database with the open
 * workbench, on the loopback address. H2 binds it to every interface unless {@code h2.bindAddress}
 * is set before its first class loads (it is read once, into a constant), and any account that can
 * reach the port and read the lock file's key may run Java code through it ({@code CREATE ALIAS}).
 * The property is set here, before the store touches H2, and by the launch scripts; after opening,
 * the address H2 wrote into the lock file is checked, so a process whose H2 was loaded earlier with
 * another address refuses to open the database instead of serving it to the network.
 */
final class LoopbackServer {

    static final String BIND_ADDRESS = "h2.bindAddress";

    static {
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, InetAddress.getLoopbackAddress().getHostAddress());
        }
    }

    private LoopbackServer() {
    }

    /** Loads this class, which sets the bind address; call before any H2 class is used. */
    static void prepare() {
        // the static initializer did the work
    }

    /**
     * Checks the server address H2 recorded in the database's lock file.
     *
     * @throws StoreException when the server listens beyond the loopback address
     */
    static void check(Path lockFile) {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(lockFile)) {
            lock.load(in);
        } catch (NoSuchFileException e) {
            return; // no server was started (another process serves the database; it checks its own)
        } catch (IOException e) {
            throw new StoreException("cannot read the database lock file " + lockFile + ": " + e.getMessage(), e);
        }
        String server = lock.getProperty("server");
        if (server == null) {
            return;
        }
        String host = server.substring(0, server.lastIndexOf(':') < 0 ? server.length() : server.lastIndexOf(':'));
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                throw new StoreException("the database server listens on " + server + ", beyond this machine's loopback "
                        + "address; start the JVM with -D" + BIND_ADDRESS + "=127.0.0.1");
            }
        } catch (java.net.UnknownHostException e) {
            throw new StoreException("the database lock file " + lockFile + " names an unknown server address " + server, e);
        }
    }
}
