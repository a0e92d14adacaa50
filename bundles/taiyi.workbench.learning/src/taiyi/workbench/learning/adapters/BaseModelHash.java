package taiyi.workbench.learning.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import taiyi.workbench.core.runtime.WorkbenchDataFolder;

/**
 * The identity of a base model: one SHA-256 over the bytes of the model folder's weight files
 * ({@code *.safetensors}, {@code *.bin}), read whole in name order. An adapter only fits the
 * weights it was trained on, and a folder's name says nothing about them (two downloads of
 * "Taiyi-LLM" may be different revisions), so adapters are matched to models by this hash.
 *
 * <p>Hashing a 7 B model reads about 15 GB, and every pre-annotation that has registered adapters
 * to compare asks for it, so a hash is remembered, in the process and across processes in
 * {@link KnownModelHashes}, for as long as every weight file keeps its path, size and modification
 * time. (A file rewritten in place with the same size and its old time restored would go unseen;
 * downloads and copies do not do that.)
 */
public final class BaseModelHash {

    /** Opens a weight file for reading: the seam through which a test counts what is read. */
    @FunctionalInterface
    public interface FileOpener {
        InputStream open(Path file) throws IOException;
    }

    private static final Map<Path, BaseModelHash> SHARED = new ConcurrentHashMap<>();

    private final KnownModelHashes known;
    private final FileOpener opener;
    private final Map<List<KnownModelHashes.Stamp>, String> inProcess = new ConcurrentHashMap<>();

    public BaseModelHash(KnownModelHashes known, FileOpener opener) {
        this.known = known;
        this.opener = opener;
    }

    /**
     * The hash of a model folder's weights, as lowercase hex, remembered in the workbench's data
     * folder.
     *
     * @throws IOException naming the folder when it holds no weight file or one cannot be read
     */
    public static String of(Path modelFolder) throws IOException {
        Path file = KnownModelHashes.inDataFolder(WorkbenchDataFolder.resolve());
        return SHARED.computeIfAbsent(file, f -> new BaseModelHash(new KnownModelHashes(f), Files::newInputStream)).hash(modelFolder);
    }

    /**
     * The hash of a model folder's weights, as lowercase hex; the files are read only when their
     * stamps are not those of a hash already known.
     *
     * @throws IOException naming the folder when it holds no weight file or one cannot be read
     */
    public String hash(Path modelFolder) throws IOException {
        List<KnownModelHashes.Stamp> stamps = new ArrayList<>();
        for (Path f : weightFiles(modelFolder)) {
            stamps.add(KnownModelHashes.Stamp.of(f));
        }
        String remembered = inProcess.get(stamps);
        if (remembered != null) {
            return remembered;
        }
        Optional<String> stored = known.lookUp(stamps);
        if (stored.isPresent()) {
            inProcess.put(stamps, stored.get());
            return stored.get();
        }
        MessageDigest digest = FileSha256.digest();
        byte[] buffer = new byte[1 << 20];
        for (KnownModelHashes.Stamp s : stamps) {
            try (InputStream in = opener.open(Path.of(s.path()))) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        // a file changed while it was read is hashed again next time rather than remembered wrongly
        List<KnownModelHashes.Stamp> after = new ArrayList<>();
        for (KnownModelHashes.Stamp s : stamps) {
            after.add(KnownModelHashes.Stamp.of(Path.of(s.path())));
        }
        if (after.equals(stamps)) {
            inProcess.put(stamps, hash);
            known.remember(stamps, hash);
        }
        return hash;
    }

    /** The weight files hashed, in name order. */
    static List<Path> weightFiles(Path modelFolder) throws IOException {
        if (!Files.isDirectory(modelFolder)) {
            throw new IOException(modelFolder + ": not a folder (give the base model's folder)");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(modelFolder.toAbsolutePath().normalize())) {
            s.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".safetensors") || name.endsWith(".bin");
            }).forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new IOException(modelFolder + ": no weight files (*.safetensors, *.bin) to identify the base model by");
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files;
    }
}
