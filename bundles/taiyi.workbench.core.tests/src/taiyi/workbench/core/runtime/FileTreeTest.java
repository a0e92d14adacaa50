package taiyi.workbench.core.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a folder with everything in it, a single file, or nothing. */
class FileTreeTest {

    @TempDir
    Path dir;

    @Test
    void aFolderGoesWithEverythingInIt() throws IOException {
        Path root = dir.resolve("round-3");
        Files.createDirectories(root.resolve("adapter/weights"));
        Files.writeString(root.resolve("adapter/weights/model.safetensors"), "w");
        Files.writeString(root.resolve("manifest.json"), "{}");
        Files.writeString(dir.resolve("beside.txt"), "kept");
        FileTree.delete(root);
        assertFalse(Files.exists(root));
        assertEquals("kept", Files.readString(dir.resolve("beside.txt")));
    }

    @Test
    void aFileOrNothingAtAll() throws IOException {
        Path file = Files.writeString(dir.resolve("password.new"), "x");
        FileTree.delete(file);
        assertFalse(Files.exists(file));
        assertDoesNotThrow(() -> FileTree.delete(dir.resolve("never-made")));
    }

    /** A link inside the tree is removed, not followed: what it points to is someone else's. */
    @Test
    void linksAreDeletedNotFollowed() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(elsewhere.resolve("abstracts.txt"), "data");
        Path root = Files.createDirectories(dir.resolve("export"));
        Files.createSymbolicLink(root.resolve("corpus-link"), elsewhere);
        FileTree.delete(root);
        assertFalse(Files.exists(root));
        assertTrue(Files.exists(elsewhere.resolve("abstracts.txt")));
    }
}
