package taiyi.workbench.inference.djl.train;

import java.util.List;

/**
 * The adapter's shape: rank {@code r}, {@code lora_alpha} (the update is scaled by {@code alpha / r}),
 * the dropout on each adapted module's input, and the modules adapted, by leaf name as peft
 * matches them ({@code c_proj} names both attention's and the MLP's output projection).
 */
public record LoraSettings(int rank, double alpha, double dropout, List<String> targetModules) {

    /** The modules a Qwen v1 block has that LoRA can adapt. */
    public static final List<String> QWEN_MODULES = List.of("c_attn", "c_proj", "w1", "w2");

    public LoraSettings {
        targetModules = List.copyOf(targetModules);
        if (rank < 1) {
            throw new IllegalArgumentException("LoRA rank must be at least 1, is " + rank);
        }
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("lora_alpha must be positive, is " + alpha);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("LoRA dropout must be in [0, 1), is " + dropout);
        }
        if (targetModules.isEmpty()) {
            throw new IllegalArgumentException("LoRA needs at least one target module");
        }
        for (String t : targetModules) {
            if (!QWEN_MODULES.contains(t)) {
                throw new IllegalArgumentException("target module " + t + " is not one of Qwen v1's " + QWEN_MODULES);
            }
        }
    }

    public double scale() {
        return alpha / rank;
    }
}
