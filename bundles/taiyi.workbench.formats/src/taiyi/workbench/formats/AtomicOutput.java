package taiyi.workbench.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.stream.Stream;

import taiyi.workbench.core.runtime.FileTree;

/**
 * Writes a file or a folder so that it appears whole or not at all: the content goes to a hidden
 * sibling first and is renamed into place only when complete; on any failure the sibling is
 * deleted and an existing target is left untouched. The sibling is created with the process's
 * default mode, so an export gets the user's umask (normally {@code 0644} files and {@code 0755}
 * folders) and colleagues can read it in a shared folder; {@code Files.createTempFile} and
 * {@code createTempDirectory} would make it private to its owner ({@code 0600}/{@code 0700}).
 */
public final class AtomicOutput {

    /** Writes content through an open stream. */
    @FunctionalInterface
    public interface StreamContent {
        void writeTo(OutputStream out) throws IOException, FormatException;
    }

    /** Writes text. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(BufferedWriter out) throws IOException, FormatException;
    }

    /** Fills a folder. */
    @FunctionalInterface
    public interface FolderContent {
        void writeInto(Path folder) throws IOException, FormatException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicOutput() {
    }

    public static void writeFile(Path target, StreamContent content) throws IOException, FormatException {
        Path parent = parentOf(target);
        Files.createDirectories(parent);
        Path tmp = createSibling(parent, "." + target.getFileName(), ".part", false);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes UTF-8 text, lines ended with {@code \n}. */
    public static void writeText(Path target, TextContent content) throws IOException, FormatException {
        writeFile(target, out -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(w);
            w.flush();
        });
    }

    /** Fills a new folder; the target must not exist yet or be an empty folder. */
    public static void writeFolder(Path target, FolderContent content) throws IOException, FormatException {
        if (Files.isDirectory(target)) {
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(target.toString(), null, "folder is not empty");
                }
            }
            Files.delete(target);
        } else if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "exists and is not a folder");
        }
        Path parent = parentOf(target);
        Files.createDirectories(parent);
        Path tmp = createSibling(parent, "." + target.getFileName(), ".part", true);
        try {
            content.writeInto(tmp);
            move(tmp, target);
        } finally {
            FileTree.delete(tmp);
        }
    }

    /** A new file or folder of a name no one else holds, created with the default (umask) mode. */
    private static Path createSibling(Path parent, String prefix, String suffix, boolean folder) throws IOException {
        for (int attempt = 0;; attempt++) {
            Path candidate = parent.resolve(prefix + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
            try {
                return folder ? Files.createDirectory(candidate) : Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    private static Path parentOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        return parent != null ? parent : target.toAbsolutePath();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
