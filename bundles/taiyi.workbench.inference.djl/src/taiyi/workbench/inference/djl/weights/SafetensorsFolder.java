package taiyi.workbench.inference.djl.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the safetensors weights of a Hugging Face model folder: the sharded index when there is
 * one, else the single {@code model.safetensors}.
 */
public final class SafetensorsFolder {

    public static final String SINGLE_FILE = "model.safetensors";

    private SafetensorsFolder() {
    }

    /** Whether the folder holds safetensors weights this class can open. */
    public static boolean holdsWeights(Path folder) {
        return Files.isRegularFile(folder.resolve(ShardedSafetensors.INDEX_FILE))
                || Files.isRegularFile(folder.resolve(SINGLE_FILE));
    }

    public static WeightSource open(Path folder) throws IOException {
        Path index = folder.resolve(ShardedSafetensors.INDEX_FILE);
        if (Files.isRegularFile(index)) {
            return ShardedSafetensors.open(index);
        }
        Path single = folder.resolve(SINGLE_FILE);
        if (Files.isRegularFile(single)) {
            return SafetensorsFile.open(single);
        }
        throw new IOException(folder + ": neither " + ShardedSafetensors.INDEX_FILE + " nor " + SINGLE_FILE + " found");
    }
}
