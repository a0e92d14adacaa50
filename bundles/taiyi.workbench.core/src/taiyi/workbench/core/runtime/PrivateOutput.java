package taiyi.workbench.core.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a file or a folder that only its owner may read, so that it appears whole or not at all:
 * the content goes to a hidden sibling that is created {@code 0600} (a folder {@code 0700}) before
 * any byte is in it, and is renamed into place only when complete; on any failure the sibling is
 * deleted and an existing target is left untouched. This is the private counterpart of the formats
 * bundle's {@code AtomicOutput}, whose siblings take the user's umask because exports are meant to
 * be shared; what is written here (passwords, models and rounds trained on clinical text) is not.
 * The mode is given at creation rather than set afterwards, so there is no moment in which another
 * account could open the half-written file. On a file system without POSIX modes (Windows, FAT)
 * the sibling gets the file system's defaults, as every other file there does.
 */
public final class PrivateOutput {

    /** Writes a file's content through an open stream; the stream is closed afterwards. */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Fills a folder. */
    @FunctionalInterface
    public interface FolderContent {
        void writeInto(Path folder) throws IOException;
    }

    private PrivateOutput() {
    }

    /**
     * Writes a file private to its owner, replacing the target if there is one.
     *
     * @throws IOException naming the target when it cannot be written; the target is then as it was
     */
    public static void writeFile(Path target, FileContent content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path temporary;
        try {
            temporary = Files.createTempFile(parent, "." + absolute.getFileName() + ".", ".part", ownerOnly(parent, PrivateFolder.FILE));
        } catch (IOException e) {
            throw new IOException(target + ": cannot create a temporary file beside it (" + reason(e) + ")", e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException(target + ": cannot write it (" + reason(e) + "); it is as it was", e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Fills a new folder private to its owner ({@code 0700}; the files in it keep their own modes,
     * hidden by the folder's). The target must not exist yet or be an empty folder, which is replaced.
     *
     * @throws FileAlreadyExistsException naming the target when it is a file or a folder that is not empty
     * @throws AtomicMoveNotSupportedException when the finished folder cannot be renamed into place in
     *         one step; it is deleted then, and nothing was written
     * @throws IOException what the content throws, after the partial folder is deleted
     */
    public static void writeFolder(Path target, FolderContent content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (!acceptsFolder(absolute)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    Files.isDirectory(absolute) ? "folder is not empty" : "exists and is not a folder");
        }
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-",
                ownerOnly(parent, PrivateFolder.FOLDER));
        try {
            content.writeInto(temporary);
            if (Files.isDirectory(absolute)) {
                // an empty folder the user made (a file chooser does that): replaced by the finished one
                Files.delete(absolute);
            }
            // a folder moved any other way is copied file by file, and could be seen half there
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            FileTree.delete(temporary);
        }
    }

    /**
     * Whether {@link #writeFolder} would take {@code target}: it does not exist, or is an empty
     * folder. For a caller that refuses a target in its own words before doing the work.
     */
    public static boolean acceptsFolder(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return !Files.exists(target);
        }
        try (Stream<Path> s = Files.list(target)) {
            return s.findAny().isEmpty();
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path folder, Set<PosixFilePermission> mode) {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(mode) }
                : new FileAttribute<?>[0];
    }

    /** What went wrong, in words: the file system's exceptions carry only the path in their message. */
    private static String reason(IOException e) {
        return e instanceof FileSystemException ? e.getClass().getSimpleName() + ": " + e.getMessage() : String.valueOf(e.getMessage());
    }
}
