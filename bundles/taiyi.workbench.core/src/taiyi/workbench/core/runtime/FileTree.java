package taiyi.workbench.core.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A folder and everything in it, or a single file, as one thing to delete. */
public final class FileTree {

    private FileTree() {
    }

    /**
     * Deletes {@code root} and everything under it; nothing to do when it does not exist. Symbolic
     * links are deleted, not followed.
     *
     * @throws IOException naming the first file that could not be deleted; what was deleted before it stays deleted
     */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            // deepest first, so each folder is empty when its turn comes
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path p : paths) {
            // one deleted meanwhile by someone else is fine: what was asked for holds
            Files.deleteIfExists(p);
        }
    }
}
