package taiyi.workbench.learning.adapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.core.runtime.PrivateFolder;
import taiyi.workbench.core.runtime.PrivateOutput;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;

/**
 * Base-model hashes already computed, in one small JSON file private to the user
 * ({@code model-hashes.json} in the workbench's data folder, {@code 0600}): for each model folder,
 * the stamp of each weight file (path, size, modification time) and the hash they had. It is a
 * cache: a file that is missing, unreadable or not what this class writes counts as empty and is
 * written afresh, and a hash that cannot be stored is only computed again next time. Two
 * processes storing at once each replace the file whole; the last one's entries stay.
 */
public final class KnownModelHashes {

    static final String FILE = "model-hashes.json";
    /** Model folders remembered; the oldest entry goes first. */
    static final int CAPACITY = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One weight file as it was when hashed: its absolute path, size in bytes and modification time in nanoseconds. */
    public record Stamp(String path, long size, long modifiedNanos) {

        static Stamp of(Path file) throws IOException {
            return new Stamp(file.toAbsolutePath().normalize().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS));
        }
    }

    /** One model folder's entry: its weight files' stamps in name order and their hash. */
    record Entry(List<Stamp> files, String sha256) {
    }

    record Contents(List<Entry> models) {
    }

    private final Path file;

    public KnownModelHashes(Path file) {
        this.file = file;
    }

    /** The file in a workbench data folder. */
    public static Path inDataFolder(WorkbenchDataFolder folder) {
        return folder.root().resolve(FILE);
    }

    /** The hash stored for exactly these stamps, if any. */
    public synchronized Optional<String> lookUp(List<Stamp> stamps) {
        for (Entry e : read()) {
            if (e.files().equals(stamps)) {
                return Optional.of(e.sha256());
            }
        }
        return Optional.empty();
    }

    /**
     * Stores a hash for these stamps, replacing any entry of the same folder (the first file's).
     * A failure to write leaves the file as it was.
     */
    public synchronized void remember(List<Stamp> stamps, String sha256) {
        String folder = folderOf(stamps);
        List<Entry> entries = new ArrayList<>();
        for (Entry e : read()) {
            if (!folderOf(e.files()).equals(folder)) {
                entries.add(e);
            }
        }
        entries.add(new Entry(List.copyOf(stamps), sha256));
        while (entries.size() > CAPACITY) {
            entries.remove(0);
        }
        try {
            write(new Contents(entries));
        } catch (IOException e) {
            // a cache that cannot be written only costs a second hashing
        }
    }

    private static String folderOf(List<Stamp> stamps) {
        if (stamps.isEmpty()) {
            return "";
        }
        Path parent = Path.of(stamps.get(0).path()).getParent();
        return parent == null ? "" : parent.toString();
    }

    private List<Entry> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            Contents c = JSON.readValue(file.toFile(), Contents.class);
            if (c == null || c.models() == null) {
                return List.of();
            }
            List<Entry> valid = new ArrayList<>();
            for (Entry e : c.models()) {
                if (e != null && e.files() != null && !e.files().contains(null) && e.sha256() != null
                        && e.sha256().matches("[0-9a-f]{64}")) {
                    valid.add(e);
                }
            }
            return valid;
        } catch (IOException e) {
            // not JSON, or not ours: an empty cache, overwritten at the next store
            return List.of();
        }
    }

    private void write(Contents contents) throws IOException {
        PrivateFolder.ensure(file.toAbsolutePath().getParent());
        PrivateOutput.writeFile(file, out -> JSON.writeValue(out, contents));
    }
}
