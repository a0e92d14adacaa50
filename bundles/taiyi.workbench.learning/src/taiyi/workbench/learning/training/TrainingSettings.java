package taiyi.workbench.learning.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import taiyi.workbench.inference.djl.train.LoraSettings;

/**
 * The resolved hyperparameters of a training run: the round's recipe, then whatever the caller
 * overrode. {@link #asArguments} names them as {@code TrainingRecipe.asArguments} does, so the
 * adapter's {@code taiyi-training.json} and the round's manifest speak the same keys.
 *
 * @param maxSteps stop after this many optimiser steps (0: as many as the epochs make)
 * @param checkpointEvery write a checkpoint every this many steps (0: never)
 */
public record TrainingSettings(boolean qlora, int loraRank, double loraAlpha, double loraDropout, List<String> targetModules,
        double learningRate, int epochs, int maxLength, int batchSize, int gradientAccumulation, double maxGradNorm,
        double warmupRatio, double weightDecay, int maxSteps, long seed, int checkpointEvery) {

    public TrainingSettings {
        targetModules = List.copyOf(targetModules);
        require(learningRate > 0, "learning_rate must be positive, is " + learningRate);
        require(epochs >= 1, "num_train_epochs must be at least 1, is " + epochs);
        require(maxLength >= 2, "max_seq_length must be at least 2, is " + maxLength);
        require(batchSize >= 1, "per_device_train_batch_size must be at least 1, is " + batchSize);
        require(gradientAccumulation >= 1, "gradient_accumulation_steps must be at least 1, is " + gradientAccumulation);
        require(maxGradNorm >= 0, "max_grad_norm must not be negative, is " + maxGradNorm);
        require(warmupRatio >= 0 && warmupRatio <= 1, "warmup_ratio must be in [0, 1], is " + warmupRatio);
        require(weightDecay >= 0, "weight_decay must not be negative, is " + weightDecay);
        require(maxSteps >= 0, "max_steps must not be negative, is " + maxSteps);
        require(checkpointEvery >= 0, "checkpoint_every must not be negative, is " + checkpointEvery);
        lora(loraRank, loraAlpha, loraDropout, targetModules);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static LoraSettings lora(int rank, double alpha, double dropout, List<String> targets) {
        return new LoraSettings(rank, alpha, dropout, targets);
    }

    public LoraSettings lora() {
        return lora(loraRank, loraAlpha, loraDropout, targetModules);
    }

    /** The paper's recipe (Taiyi 1's QLoRA run), as a round exports it by default. */
    public static TrainingSettings paper() {
        return new TrainingSettings(true, 64, 16, 0.05, LoraSettings.QWEN_MODULES, 2e-4, 3, 1024, 12, 2, 0.3, 0.1, 0.0, 0, 42,
                100);
    }

    /**
     * Resolves the settings: each key from {@code overrides} if there, else from the round's
     * {@code recipe} (its manifest's snake_case arguments), else the paper's value.
     *
     * @throws IllegalArgumentException naming the key whose value is unusable
     */
    public static TrainingSettings resolve(Map<String, ?> recipe, Map<String, ?> overrides) {
        Map<String, Object> m = new LinkedHashMap<>(paper().asArguments());
        m.put("method", recipe.containsKey("method") ? recipe.get("method") : "qlora");
        recipe.forEach((k, v) -> {
            if (m.containsKey(k) && v != null) {
                m.put(k, v);
            }
        });
        overrides.forEach((k, v) -> {
            if (!m.containsKey(k) && !k.equals("qlora") && !k.equals("checkpoint_every")) {
                throw new IllegalArgumentException("unknown training argument " + k);
            }
            if (v != null) {
                m.put(k, v);
            }
        });
        boolean qlora = overrides.get("qlora") instanceof Boolean b ? b : "qlora".equals(String.valueOf(m.get("method")));
        Object targets = m.get("target_modules");
        List<String> modules = targets instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(targets).split(","));
        Object every = overrides.get("checkpoint_every");
        return new TrainingSettings(qlora, integer(m, "lora_rank"), number(m, "lora_alpha"), number(m, "lora_dropout"), modules,
                number(m, "learning_rate"), integer(m, "num_train_epochs"), integer(m, "max_seq_length"),
                integer(m, "per_device_train_batch_size"), integer(m, "gradient_accumulation_steps"), number(m, "max_grad_norm"),
                number(m, "warmup_ratio"), number(m, "weight_decay"), integer(m, "max_steps"), (long) number(m, "seed"),
                every == null ? paper().checkpointEvery() : ((Number) every).intValue());
    }

    private static double number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("training argument " + key + " must be a number, is " + v);
        }
    }

    private static int integer(Map<String, Object> m, String key) {
        double d = number(m, key);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("training argument " + key + " must be an integer, is " + m.get(key));
        }
        return (int) d;
    }

    /** The settings as snake_case training arguments, the recipe's names where the recipe has them. */
    public Map<String, Object> asArguments() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", qlora ? "qlora" : "lora");
        m.put("quantization", qlora ? "nf4" : "none");
        m.put("double_quantization", qlora);
        m.put("lora_rank", loraRank);
        m.put("lora_alpha", loraAlpha);
        m.put("lora_dropout", loraDropout);
        m.put("target_modules", targetModules);
        m.put("learning_rate", learningRate);
        m.put("num_train_epochs", epochs);
        m.put("max_seq_length", maxLength);
        m.put("per_device_train_batch_size", batchSize);
        m.put("gradient_accumulation_steps", gradientAccumulation);
        m.put("max_grad_norm", maxGradNorm);
        m.put("lr_scheduler_type", "constant_with_warmup");
        m.put("warmup_ratio", warmupRatio);
        m.put("optim", "adamw_32bit");
        m.put("weight_decay", weightDecay);
        m.put("fp32", true);
        m.put("gradient_checkpointing", true);
        m.put("train_on_assistant_only", true);
        m.put("max_steps", maxSteps);
        m.put("seed", seed);
        return m;
    }
}
