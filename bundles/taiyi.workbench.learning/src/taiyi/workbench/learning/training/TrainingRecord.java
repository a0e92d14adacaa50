package taiyi.workbench.learning.training;

import java.io.IOException;
import java.nio.file.Path;

import taiyi.workbench.learning.adapters.BaseModelHash;
import taiyi.workbench.learning.adapters.FileSha256;

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

    /** The hex SHA-256 the adapter registry knows the base model by ({@link BaseModelHash}). */
    public static String modelSha256(Path modelFolder) throws IOException {
        return BaseModelHash.of(modelFolder);
    }

    public static String fileSha256(Path file) throws IOException {
        return FileSha256.of(file);
    }
}
