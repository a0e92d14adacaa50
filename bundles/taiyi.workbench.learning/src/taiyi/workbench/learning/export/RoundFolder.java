package taiyi.workbench.learning.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import taiyi.workbench.core.runtime.PrivateFolder;
import taiyi.workbench.core.runtime.PrivateOutput;

/**
 * Writes a round's files into the owner-only folder that {@link PrivateOutput#writeFolder} is filling
 * ({@code 0700} folder, {@code 0600} files: a round carries the corpus text, which may be clinical)
 * and remembers each file's SHA-256 for the manifest. The folder is renamed into place only when the
 * round is complete, so the round appears whole or not at all; a target that already exists and is
 * not empty is refused: a round is never overwritten in place.
 */
final class RoundFolder {

    /** Writes one file's content. */
    @FunctionalInterface
    interface Content {
        void write(OutputStream out) throws IOException;
    }

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_EXECUTABLE = PosixFilePermissions
            .fromString("rwx------");

    private final Path temporary;
    private final Map<String, String> sha256 = new LinkedHashMap<>();

    private RoundFolder(Path temporary) {
        this.temporary = temporary;
    }

    /**
     * Writes a round into a new folder, moved into place when the writer returns.
     *
     * @throws RoundExportException naming the target when it exists and is not an empty folder, or when
     *         the finished round cannot be moved into place
     */
    static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (!PrivateOutput.acceptsFolder(absolute)) {
            throw new RoundExportException(target + ": already exists and is not an empty folder; a round is never "
                    + "overwritten (choose a new folder)");
        }
        try {
            PrivateOutput.writeFolder(absolute, folder -> writer.write(new RoundFolder(folder)));
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            throw new RoundExportException(absolute + ": cannot move the finished round into place (" + e.getMessage()
                    + "); nothing was written");
        }
    }

    /** Fills a round folder. */
    @FunctionalInterface
    interface Writer {
        void write(RoundFolder out) throws IOException;
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

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
