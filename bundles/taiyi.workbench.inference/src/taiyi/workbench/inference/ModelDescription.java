package taiyi.workbench.inference;

import java.util.Objects;

/**
 * What a generator runs, as the suggestion layer records it.
 *
 * @param modelId e.g. the model folder's name or its Hugging Face id
 * @param adapterId the LoRA adapter merged into it, or empty
 * @param device where it runs, e.g. {@code cpu} or {@code gpu(0)}
 */
public record ModelDescription(String modelId, String adapterId, String device) {

    public ModelDescription {
        Objects.requireNonNull(modelId, "modelId");
        adapterId = adapterId == null ? "" : adapterId;
        device = device == null ? "" : device;
    }
}
