package taiyi.workbench.learning.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The QLoRA recipe a round is ready to be trained with, by default Taiyi 1's (the paper's, from
 * Firefly's {@code train_qlora.py}): NF4 with double quantisation, LoRA r 64, α 16, dropout 0.05 on
 * Qwen v1's {@code c_attn}, {@code c_proj}, {@code w1}, {@code w2}; lr 2e-4 constant after 10 %
 * warm-up, 3 epochs, max length 1024, batch 12 × accumulation 2, max grad norm 0.3, paged AdamW
 * 32-bit, loss on the assistant's tokens only.
 */
public record TrainingRecipe(String method, String quantisation, boolean doubleQuantisation, int loraRank, int loraAlpha,
        double loraDropout, List<String> targetModules, double learningRate, int epochs, int maxLength, int batchSize,
        int gradientAccumulation, double maxGradNorm, String scheduler, double warmupRatio, String optimizer,
        double weightDecay, String computeType, boolean gradientCheckpointing) {

    public TrainingRecipe {
        targetModules = List.copyOf(targetModules);
    }

    public static TrainingRecipe paper(int maxLength) {
        return new TrainingRecipe("qlora", "nf4", true, 64, 16, 0.05, List.of("c_attn", "c_proj", "w1", "w2"), 2e-4, 3,
                maxLength, 12, 2, 0.3, "constant_with_warmup", 0.1, "paged_adamw_32bit", 0.0, "fp16", true);
    }

    /** The recipe as Firefly-style training arguments, in a fixed order. */
    public Map<String, Object> asArguments() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("quantization", quantisation);
        m.put("double_quantization", doubleQuantisation);
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
        m.put("lr_scheduler_type", scheduler);
        m.put("warmup_ratio", warmupRatio);
        m.put("optim", optimizer);
        m.put("weight_decay", weightDecay);
        m.put(computeType, true);
        m.put("gradient_checkpointing", gradientCheckpointing);
        m.put("train_on_assistant_only", true);
        m.put("train_file", "train.jsonl");
        m.put("validation_file", "validation.jsonl");
        return m;
    }
}
