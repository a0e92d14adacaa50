package taiyi.workbench.core.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateOutputTest {

    @TempDir
    Path tmp;

    @Test
    void theFileIsOwnerOnlyFromItsFirstByteToTheEnd() throws Exception {
        Path target = tmp.resolve("password");
        List<String> modesMidWrite = new ArrayList<>();
        PrivateOutput.writeFile(target, out -> {
            modesMidWrite.add(modeOfOnlyEntry());
            out.write("s3cret".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            modesMidWrite.add(modeOfOnlyEntry());
        });
        assertEquals(List.of("rw-------", "rw-------"), modesMidWrite, "the half-written sibling is never readable by others");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("s3cret", Files.readString(target));
        assertEquals(List.of(target), entries(tmp), "nothing but the target is left");
    }

    @Test
    void aFileReplacesTheOldOneWhole() throws Exception {
        Path target = tmp.resolve("model-hashes.json");
        Files.writeString(target, "{\"models\":[]}");
        byte[] bytes = new byte[200_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        PrivateOutput.writeFile(target, out -> out.write(bytes));
        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertEquals(List.of(target), entries(tmp));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryAndNamesTheFile() throws Exception {
        Path target = tmp.resolve("sub/round-3.model");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "round three");
        IOException e = assertThrows(IOException.class, () -> PrivateOutput.writeFile(target, out -> {
            out.write("half a mod".getBytes(StandardCharsets.US_ASCII));
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals("round three", Files.readString(target));
        assertEquals(List.of(target), entries(target.getParent()));
    }

    @Test
    void aTargetThatCannotBeReplacedIsNamedAndNothingIsLeftBeside() throws Exception {
        Path target = tmp.resolve("password");
        Files.createDirectories(target.resolve("occupied"));
        IOException e = assertThrows(IOException.class,
                () -> PrivateOutput.writeFile(target, out -> out.write('x')));
        assertTrue(e.getMessage().startsWith(target + ": "), e.getMessage());
        assertTrue(Files.isDirectory(target.resolve("occupied")));
        assertEquals(List.of(target), entries(tmp));
    }

    @Test
    void anUncheckedFailureAlsoLeavesNoTemporary() throws Exception {
        Path target = tmp.resolve("password");
        assertThrows(IllegalStateException.class, () -> PrivateOutput.writeFile(target, out -> {
            out.write('x');
            throw new IllegalStateException("cancelled");
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), entries(tmp));
    }

    @Test
    void aFolderIsOwnerOnlyWhileFilledAndAppearsWhole() throws Exception {
        Path target = tmp.resolve("rounds/round-1");
        List<String> seen = new ArrayList<>();
        PrivateOutput.writeFolder(target, folder -> {
            seen.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            seen.add(String.valueOf(Files.exists(target)));
            Files.writeString(folder.resolve("train.jsonl"), "{}\n");
            Files.createDirectories(folder.resolve("train"));
            Files.writeString(folder.resolve("train/launch.sh"), "#!/bin/sh\n");
        });
        assertEquals(List.of("rwx------", "false"), seen, "private from the start, and not at the target until complete");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("{}\n", Files.readString(target.resolve("train.jsonl")));
        assertEquals(List.of(target), entries(target.getParent()));
    }

    @Test
    void anEmptyFolderIsReplacedButAFullOneOrAFileIsRefusedByName() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("chosen"));
        PrivateOutput.writeFolder(empty, folder -> Files.writeString(folder.resolve("adapter_config.json"), "{}"));
        assertTrue(Files.isRegularFile(empty.resolve("adapter_config.json")));

        FileAlreadyExistsException full = assertThrows(FileAlreadyExistsException.class,
                () -> PrivateOutput.writeFolder(empty, folder -> Files.writeString(folder.resolve("x"), "y")));
        assertTrue(full.getMessage().contains(empty.toString()), full.getMessage());
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        FileAlreadyExistsException notFolder = assertThrows(FileAlreadyExistsException.class,
                () -> PrivateOutput.writeFolder(file, folder -> Files.writeString(folder.resolve("x"), "y")));
        assertTrue(notFolder.getMessage().contains(file.toString()), notFolder.getMessage());
        assertEquals("mine", Files.readString(file));
        assertEquals(List.of(empty, file), entries(tmp));
    }

    @Test
    void aFailedFolderLeavesNothingBehind() throws Exception {
        Path target = tmp.resolve("adapter");
        IOException e = assertThrows(IOException.class, () -> PrivateOutput.writeFolder(target, folder -> {
            Files.createDirectories(folder.resolve("deep/er"));
            Files.writeString(folder.resolve("deep/er/adapter_model.safetensors"), "half");
            throw new IOException("cancelled mid-write");
        }));
        assertEquals("cancelled mid-write", e.getMessage());
        assertEquals(List.of(), entries(tmp));
    }

    private String modeOfOnlyEntry() throws IOException {
        List<Path> all = entries(tmp);
        assertEquals(1, all.size(), "one sibling while writing: " + all);
        assertTrue(all.get(0).getFileName().toString().startsWith(".password."), all.toString());
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(all.get(0)));
    }

    private static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }
}
