package taiyi.workbench.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;


import org.h2.jdbcx.JdbcDataSource;

import taiyi.workbench.core.runtime.PrivateFolder;
import taiyi.workbench.core.runtime.PrivateOutput;

/**
 * The password of a database, random per database and kept beside it in a file only its owner may
 * read ({@code password}, {@code 0600}); never in a URL, a preference or a log. The workbench and
 * the CLI of the same user read the same file, so they still share the database.
 *
 * <p>Databases made before passwords existed have the user {@code taiyi} with an empty password.
 * The first open moves them to a random one (the credentials migration): the new password is
 * written to {@code password.new} first, then set in the database, then the file is renamed into
 * place, so a process killed at any step leaves a password that the next open finds and finishes
 * with; afterwards the empty password is refused.
 */
final class DatabasePassword {

    static final String USER = "taiyi";
    static final String FILE = "password";
    private static final String PENDING = "password.new";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** H2's SQL state for a refused user name or password. */
    private static final String WRONG_USER_OR_PASSWORD = "28000";

    private DatabasePassword() {
    }

    /**
     * Points the data source at the database's password, creating one for a new database and
     * migrating an old one from the empty password.
     *
     * @param databaseExists whether the database file is already there
     */
    static void apply(Path folder, JdbcDataSource ds, boolean databaseExists) throws IOException, SQLException {
        ds.setUser(USER);
        Path file = folder.resolve(FILE);
        Optional<String> stored = read(file);
        if (stored.isPresent()) {
            ds.setPassword(stored.get());
            return;
        }
        Path pending = folder.resolve(PENDING);
        if (!databaseExists) {
            write(pending, newPassword());
            rename(pending, file);
            ds.setPassword(read(file).orElseThrow());
            return;
        }
        // an interrupted migration may have set the pending password already
        Optional<String> half = read(pending);
        if (half.isPresent() && accepts(ds, half.get())) {
            rename(pending, file);
            ds.setPassword(half.get());
            return;
        }
        String password = newPassword();
        write(pending, password);
        ds.setPassword("");
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("ALTER USER " + USER + " SET PASSWORD ?")) {
            ps.setString(1, password);
            ps.execute();
        } catch (SQLException e) {
            Files.deleteIfExists(pending);
            if (WRONG_USER_OR_PASSWORD.equals(e.getSQLState())) {
                throw new StoreException(file + " is missing, but the database in " + folder + " has a password: copy that file "
                        + "along with the database (it is private to its owner)", e);
            }
            throw e;
        }
        rename(pending, file);
        ds.setPassword(password);
    }

    private static boolean accepts(JdbcDataSource ds, String password) {
        JdbcDataSource probe = new JdbcDataSource();
        probe.setURL(ds.getURL());
        probe.setUser(USER);
        probe.setPassword(password);
        try (Connection c = probe.getConnection()) {
            return true;
        } catch (SQLException wrong) {
            return false;
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Optional<String> read(Path file) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.isEmpty()) {
                throw new StoreException(file + ": the database password file is empty; restore it from a backup");
            }
            PrivateFolder.privateFile(file);
            return Optional.of(text);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    private static void write(Path file, String password) throws IOException {
        // whole or absent: a process killed mid-write must not leave an empty pending password behind
        PrivateOutput.writeFile(file, out -> out.write((password + "\n").getBytes(StandardCharsets.US_ASCII)));
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
