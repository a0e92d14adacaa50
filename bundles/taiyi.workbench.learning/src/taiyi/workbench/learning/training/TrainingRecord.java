package taiyi.workbench.learning.training;

/**
 * {@code taiyi-training.json}, written beside the peft files: the contract with the adapter
 * registry. {@code baseModelSha256} is {@link taiyi.workbench.learning.adapters.BaseModelHash}: one
 * SHA-256 over the bytes of the model folder's weight files ({@code *.safetensors}, {@code *.bin}) in name order; {@code dataManifestSha256} the
 * SHA-256 of the round's {@code manifest.json} (null without one); {@code round} the manifest's
 * round (null without one); {@code hyperparameters} the resolved settings as snake_case
 * arguments; then {@code finalLoss}, {@code steps}, {@code tokens}, {@code startedAt} and
 * {@code finishedAt} (ISO-8601).
 */
public final class TrainingRecord {

    public static final String FILE = "taiyi-training.json";

    private TrainingRecord() {
    }
}
