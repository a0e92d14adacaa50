package taiyi.workbench.learning.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import taiyi.workbench.core.runtime.PrivateFolder;

/**
 * Writes a round's files into a hidden temporary folder beside the target, owner-only ({@code 0700}
 * folder, {@code 0600} files: a round carries the corpus text, which may be clinical), and moves it
 * into place in one rename, so the round appears whole or not at all. A target that already exists
 * and is not empty is refused: a round is never overwritten in place.
 */
final class RoundFolder implements AutoCloseable {

    /** Writes one file's content. */
    @FunctionalInterface
    interface Content {
        void write(OutputStream out) throws IOException;
    }

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_EXECUTABLE = PosixFilePermissions
            .fromString("rwx------");

    private final Path target;
    private final Path temporary;
    private final Map<String, String> sha256 = new LinkedHashMap<>();
    private boolean committed;

    RoundFolder(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        if (Files.exists(this.target) && !isEmptyFolder(this.target)) {
            throw new RoundExportException(target + ": already exists and is not an empty folder; a round is never "
                    + "overwritten (choose a new folder)");
        }
        Path parent = this.target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + this.target.getFileName() + ".partial-");
        this.temporary = tmp;
        PrivateFolder.ensure(tmp);
    }

    /** Writes a file of the round and remembers its SHA-256. */
    String write(String name, Content content) throws IOException {
        return write(name, false, content);
    }

    /**
     * Writes a file of the round, in a subfolder when the name has one ({@code train/launch.sh}),
     * executable by the owner when asked, and remembers its SHA-256.
     */
    String write(String name, boolean executable, Content content) throws IOException {
        Path file = temporary.resolve(name);
        if (!file.getParent().equals(temporary) && !Files.isDirectory(file.getParent())) {
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PrivateFolder.FOLDER));
            PrivateFolder.ensure(file.getParent());
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(executable ? OWNER_EXECUTABLE : PrivateFolder.FILE));
        if (executable) {
            Files.setPosixFilePermissions(file, OWNER_EXECUTABLE);
        } else {
            PrivateFolder.privateFile(file);
        }
        MessageDigest digest = sha256();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                digest)) {
            content.write(out);
        }
        String hex = HexFormat.of().formatHex(digest.digest());
        sha256.put(name, hex);
        return hex;
    }

    /** The SHA-256 of each file written so far, in writing order. */
    Map<String, String> hashes() {
        return new LinkedHashMap<>(sha256);
    }

    /** Moves the finished round into place. */
    void commit() throws IOException {
        if (Files.isDirectory(target)) {
            // an empty folder the user made (a file chooser does that): replaced by the round
            Files.delete(target);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            throw new RoundExportException(target + ": cannot move the finished round into place (" + e.getMessage()
                    + "); nothing was written");
        }
        committed = true;
    }

    /** Removes what an unfinished round left. */
    @Override
    public void close() throws IOException {
        if (!committed && Files.exists(temporary)) {
            try (Stream<Path> files = Files.walk(temporary)) {
                // deepest first, so each folder is empty when its turn comes
                for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static boolean isEmptyFolder(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
