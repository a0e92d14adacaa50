package taiyi.workbench.core.runtime;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a folder of corpus data private to the user who runs the workbench: created {@code 0700},
 * and tightened to it when an older version left it open to the group or others. Corpora may be
 * clinical text under a data-use agreement, and lab GPU servers are shared by many accounts; a
 * folder no one else can enter also hides every file later written inside it (Lucene segments,
 * H2's temporary files) whatever their own modes.
 */
public final class PrivateFolder {

    /** {@code rwx------}. */
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    /** {@code rw-------}. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFolder() {
    }

    /**
     * Creates the folder (and missing parents) or tightens it to {@code 0700}.
     *
     * @return a warning naming the folder when it exists but could not be tightened
     * @throws IOException when the folder cannot be created
     */
    public static Optional<String> ensure(Path folder) throws IOException {
        if (!POSIX) {
            Files.createDirectories(folder);
            return Optional.empty();
        }
        if (!Files.isDirectory(folder)) {
            Path parent = folder.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process made it: tighten below like any existing folder
            }
            // the umask may have taken bits from 0700 at creation; setting the mode is exact
        }
        return tighten(folder, FOLDER);
    }

    /** Makes an existing file {@code 0600}; a warning naming it when that is refused. */
    public static Optional<String> privateFile(Path file) {
        if (!POSIX || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return tighten(file, FILE);
    }

    private static Optional<String> tighten(Path path, Set<PosixFilePermission> mode) {
        try {
            if (!Files.getPosixFilePermissions(path).equals(mode)) {
                Files.setPosixFilePermissions(path, mode);
            }
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of(path + " could not be made private to its owner (" + e.getMessage()
                    + "): other accounts on this machine may read it; chmod " + (mode.equals(FOLDER) ? "700" : "600")
                    + " it by hand");
        }
    }
}
