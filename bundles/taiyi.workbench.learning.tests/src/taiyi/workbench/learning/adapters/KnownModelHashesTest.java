package taiyi.workbench.learning.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base-model hash is remembered across processes by the weight files' stamps: a second
 * hashing of an unchanged folder reads no weight file, a changed file is read again and changes
 * the hash, and the remembered hashes stay private to their owner.
 */
class KnownModelHashesTest {

    @TempDir
    Path dir;

    private final List<Path> opened = new ArrayList<>();

    /** A fresh hasher over the same cache file: what the next process would make. */
    private BaseModelHash nextProcess(Path cache) {
        return new BaseModelHash(new KnownModelHashes(cache), file -> {
            opened.add(file.getFileName());
            return Files.newInputStream(file);
        });
    }

    private Path model() throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("model-00001-of-00002.safetensors"), "first shard's bytes", StandardCharsets.UTF_8);
        Files.writeString(model.resolve("model-00002-of-00002.safetensors"), "second shard's bytes", StandardCharsets.UTF_8);
        Files.writeString(model.resolve("config.json"), "{}", StandardCharsets.UTF_8);
        return model;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anUnchangedModelIsNotReadAgainByTheNextProcess() throws Exception {
        Path model = model();
        Path cache = dir.resolve("data").resolve(KnownModelHashes.FILE);

        String first = nextProcess(cache).hash(model);
        assertEquals(sha256("first shard's bytes" + "second shard's bytes"), first, "the weight files in name order");
        assertEquals(List.of(Path.of("model-00001-of-00002.safetensors"), Path.of("model-00002-of-00002.safetensors")), opened);

        opened.clear();
        assertEquals(first, nextProcess(cache).hash(model));
        assertEquals(List.of(), opened, "no weight file read a second time");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(cache));
    }

    @Test
    void aChangedWeightFileIsReadAgainAndChangesTheHash() throws Exception {
        Path model = model();
        Path cache = dir.resolve(KnownModelHashes.FILE);
        String before = nextProcess(cache).hash(model);
        Path second = model.resolve("model-00002-of-00002.safetensors");
        FileTime time = Files.getLastModifiedTime(second);
        Files.writeString(second, "second shard, new bytes", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(second, FileTime.fromMillis(time.toMillis() + 2000));

        opened.clear();
        String after = nextProcess(cache).hash(model);
        assertNotEquals(before, after);
        assertEquals(sha256("first shard's bytes" + "second shard, new bytes"), after);
        assertEquals(2, opened.size(), "the whole folder is hashed again");

        opened.clear();
        assertEquals(after, nextProcess(cache).hash(model));
        assertEquals(List.of(), opened, "the new hash is remembered in place of the old");
    }

    @Test
    void aCacheFileThatIsNotOursIsIgnoredAndReplaced() throws Exception {
        Path model = model();
        Path cache = dir.resolve(KnownModelHashes.FILE);
        Files.writeString(cache, "{\"models\": [{\"files\": 3, ", StandardCharsets.UTF_8);

        String hash = nextProcess(cache).hash(model);
        assertEquals(sha256("first shard's bytes" + "second shard's bytes"), hash);
        opened.clear();
        assertEquals(hash, nextProcess(cache).hash(model));
        assertEquals(List.of(), opened);
    }
}
