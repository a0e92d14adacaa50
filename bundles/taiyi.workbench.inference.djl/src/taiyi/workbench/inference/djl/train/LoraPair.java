package taiyi.workbench.inference.djl.train;

import ai.djl.ndarray.NDArray;

/**
 * One adapted module's trainable pair: {@code A [r, in]} and {@code B [out, r]}, engine arrays that
 * collect gradients.
 *
 * @param module the module's path, e.g. {@code transformer.h.0.attn.c_attn}
 */
public record LoraPair(String module, NDArray a, NDArray b) {

    static final String PEFT_PREFIX = "base_model.model.";

    /** peft's key of A, e.g. {@code base_model.model.transformer.h.0.attn.c_attn.lora_A.weight}. */
    public String aKey() {
        return PEFT_PREFIX + module + ".lora_A.weight";
    }

    public String bKey() {
        return PEFT_PREFIX + module + ".lora_B.weight";
    }

    /** The base weight this pair adapts. */
    public String baseWeight() {
        return module + ".weight";
    }
}
