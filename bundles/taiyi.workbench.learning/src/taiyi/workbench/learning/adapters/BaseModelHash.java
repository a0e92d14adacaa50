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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The identity of a base model: one SHA-256 over the bytes of the model folder's weight files
 * ({@code *.safetensors}, {@code *.bin}), read whole in name order. An adapter only fits the
 * weights it was trained on, and a folder's name says nothing about them (two downloads of
 * "Taiyi-LLM" may be different revisions), so adapters are matched to models by this hash.
 *
 * <p>Hashing a 7 B model reads about 15 GB, so a hash is remembered for the life of the process
 * while the files' names, sizes and modification times stay the same.
 */
public final class BaseModelHash {

    private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

    private BaseModelHash() {
    }

    /**
     * The hash of a model folder's weights, as lowercase hex.
     *
     * @throws IOException naming the folder when it holds no weight file or one cannot be read
     */
    public static String of(Path modelFolder) throws IOException {
        List<Path> files = weightFiles(modelFolder);
        StringBuilder key = new StringBuilder(modelFolder.toAbsolutePath().normalize().toString());
        for (Path f : files) {
            key.append('\u0000').append(f.getFileName()).append('\u0000').append(Files.size(f)).append('\u0000')
                    .append(Files.getLastModifiedTime(f).toMillis());
        }
        String known = KNOWN.get(key.toString());
        if (known != null) {
            return known;
        }
        MessageDigest digest = FileSha256.digest();
        byte[] buffer = new byte[1 << 20];
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        KNOWN.put(key.toString(), hash);
        return hash;
    }

    /** The weight files hashed, in name order. */
    static List<Path> weightFiles(Path modelFolder) throws IOException {
        if (!Files.isDirectory(modelFolder)) {
            throw new IOException(modelFolder + ": not a folder (give the base model's folder)");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(modelFolder)) {
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
