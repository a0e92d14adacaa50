package taiyi.workbench.learning.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code taiyi-training.json}, written beside the peft files: the contract with the adapter
 * registry. {@code baseModelSha256} is one SHA-256 over the bytes of the model folder's weight
 * files ({@code *.safetensors}, {@code *.bin}) in name order; {@code dataManifestSha256} the
 * SHA-256 of the round's {@code manifest.json} (null without one); {@code round} the manifest's
 * round (null without one); {@code hyperparameters} the resolved settings as snake_case
 * arguments; then {@code finalLoss}, {@code steps}, {@code tokens}, {@code startedAt} and
 * {@code finishedAt} (ISO-8601).
 */
public final class TrainingRecord {

    public static final String FILE = "taiyi-training.json";

    private TrainingRecord() {
    }

    /** The hex SHA-256 of the model folder's weight files, hashed in name order. */
    public static String modelSha256(Path modelFolder) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(modelFolder)) {
            files = s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".safetensors") || n.endsWith(".bin");
            }).sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 20];
        for (Path f : files) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), digest)) {
                while (in.read(buffer) >= 0) {
                    // the digest reads along
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String fileSha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
