package taiyi.workbench.learning.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The round's ready configuration for users past one machine: peft + transformers + bitsandbytes
 * under {@code torchrun} with DeepSpeed ZeRO-3, in the round's {@code train/} folder. The script's
 * argument defaults, {@code train/config.json} and {@code ds_zero3.json} all come from the round's
 * {@link TrainingRecipe}, the one the in-process trainer reads from the manifest, so both train
 * with the same hyperparameters on the same {@code train.jsonl} and {@code validation.jsonl}.
 *
 * <p>These files are written after the manifest, whose SHA-256 {@code config.json} carries (the
 * manifest itself is unchanged by them): an adapter the trainer produces keeps a copy of the
 * configuration ({@value #SAVED_CONFIG}), which ties it to the round when it is imported.
 */
public final class DistributedTrainer {

    public static final String CONFIG = "train/config.json";
    public static final String SCRIPT = "train/train_qlora.py";
    public static final String DEEPSPEED = "train/ds_zero3.json";
    public static final String LAUNCHER = "train/launch.sh";
    public static final String REQUIREMENTS = "train/requirements.txt";
    /** The copy of {@link #CONFIG} the script leaves beside the adapter it saves. */
    public static final String SAVED_CONFIG = "taiyi-trainer-config.json";

    /** The line of the script template the recipe's arguments replace. */
    private static final String ARGUMENTS_MARK = "# @RECIPE_ARGUMENTS@";
    private static final String TEMPLATES = "trainer/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final TrainingRecipe recipe;
    private final RoundRequest request;
    private final String manifestSha256;

    DistributedTrainer(TrainingRecipe recipe, RoundRequest request, String manifestSha256) {
        this.recipe = recipe;
        this.request = request;
        this.manifestSha256 = manifestSha256;
    }

    /** Writes the {@code train/} files into the round being written. */
    void write(RoundFolder out) throws IOException {
        out.write(CONFIG, o -> JSON.writeValue(new RoundExport.NonClosing(o), config()));
        out.write(DEEPSPEED, o -> JSON.writeValue(new RoundExport.NonClosing(o), deepSpeed()));
        out.write(SCRIPT, true, o -> o.write(script().getBytes(StandardCharsets.UTF_8)));
        out.write(LAUNCHER, true, o -> o.write(template("launch.sh").getBytes(StandardCharsets.UTF_8)));
        out.write(REQUIREMENTS, o -> o.write(template("requirements.txt").getBytes(StandardCharsets.UTF_8)));
    }

    Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("round", request.round());
        m.put("seed", request.seed());
        m.put("corpora", request.corpora());
        m.put("data_manifest_sha256", manifestSha256);
        m.put("template", "taiyi1: <|endoftext|> before the first turn and after every turn; loss on the assistant's tokens only");
        m.put("hyperparameters", recipe.asArguments());
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("train", RoundExport.TRAIN);
        files.put("validation", RoundExport.VALIDATION);
        files.put("manifest", RoundExport.MANIFEST);
        files.put("script", SCRIPT);
        files.put("deepspeed", DEEPSPEED);
        files.put("launcher", LAUNCHER);
        files.put("requirements", REQUIREMENTS);
        m.put("files", files);
        m.put("launch", "train/launch.sh MODEL_DIR OUTPUT_DIR, then: taiyi adapter import --round " + request.round()
                + " --model MODEL_DIR OUTPUT_DIR");
        return m;
    }

    /** ZeRO-3 with the recipe's batch, accumulation, clipping and precision; the rest left to the trainer ("auto"). */
    Map<String, Object> deepSpeed() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fp16", Map.of("enabled", recipe.computeType().equals("fp16")));
        m.put("bf16", Map.of("enabled", recipe.computeType().equals("bf16")));
        Map<String, Object> zero = new LinkedHashMap<>();
        zero.put("stage", 3);
        zero.put("overlap_comm", true);
        zero.put("contiguous_gradients", true);
        zero.put("reduce_bucket_size", "auto");
        zero.put("stage3_prefetch_bucket_size", "auto");
        zero.put("stage3_param_persistence_threshold", "auto");
        zero.put("stage3_max_live_parameters", 1_000_000_000L);
        zero.put("stage3_max_reuse_distance", 1_000_000_000L);
        zero.put("stage3_gather_16bit_weights_on_model_save", true);
        m.put("zero_optimization", zero);
        m.put("train_micro_batch_size_per_gpu", recipe.batchSize());
        m.put("gradient_accumulation_steps", recipe.gradientAccumulation());
        m.put("gradient_clipping", recipe.maxGradNorm());
        m.put("train_batch_size", "auto");
        m.put("steps_per_print", 10);
        m.put("wall_clock_breakdown", false);
        return m;
    }

    /** The script, with one {@code add_argument} per recipe argument (its value the default) and the round's seed. */
    String script() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, Object> e : recipe.asArguments().entrySet()) {
            lines.append("    p.add_argument(\"--").append(e.getKey()).append("\", ").append(typeAndDefault(e.getKey(), e.getValue()))
                    .append(")\n");
        }
        lines.append("    p.add_argument(\"--seed\", type=int, default=").append(request.seed()).append(")\n");
        String template = template("train_qlora.py");
        if (!template.contains(ARGUMENTS_MARK + "\n")) {
            throw new IllegalStateException(TEMPLATES + "train_qlora.py lacks the line " + ARGUMENTS_MARK);
        }
        return template.replace(ARGUMENTS_MARK + "\n", lines.toString());
    }

    private static String typeAndDefault(String name, Object value) {
        if (value instanceof Boolean b) {
            return "type=boolean, default=" + (b ? "True" : "False");
        }
        if (value instanceof Integer || value instanceof Long) {
            return "type=int, default=" + value;
        }
        if (value instanceof Double d) {
            return "type=float, default=" + String.format(Locale.ROOT, "%s", d);
        }
        if (value instanceof String s) {
            return "type=str, default=" + pythonString(s);
        }
        if (value instanceof List<?> list) {
            return "type=str, nargs=\"+\", default=[" + String.join(", ", list.stream().map(x -> pythonString(x.toString())).toList()) + "]";
        }
        throw new IllegalStateException("recipe argument " + name + " has a value of type " + value.getClass().getSimpleName()
                + " the script cannot take");
    }

    private static String pythonString(String s) {
        try {
            // a JSON string is a Python string literal too
            return new ObjectMapper().writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String template(String name) throws IOException {
        try (InputStream in = DistributedTrainer.class.getClassLoader().getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IOException("the learning bundle lacks its " + TEMPLATES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
