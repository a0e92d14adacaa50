package taiyi.workbench.inference.djl.weights;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A LoRA adapter as peft saves it: {@code adapter_config.json} and {@code adapter_model.safetensors}
 * with a pair {@code <module>.lora_A.weight} {@code [r, in]} and {@code <module>.lora_B.weight}
 * {@code [out, r]} per adapted module, names prefixed {@code base_model.model.}.
 *
 * <p>Only what a merge needs is kept: each {@link Delta} says which base weight changes by
 * {@code scale * B·A}. The merge itself is the decoder's job (it does the matrix product on the
 * engine while it loads the weights); {@link #checkAgainst} makes sure beforehand that every
 * adapted weight exists in the model with a matching shape, so a wrong adapter fails before
 * anything is loaded.
 */
public final class LoraAdapter implements Closeable {

    public static final String CONFIG_FILE = "adapter_config.json";
    public static final String WEIGHTS_FILE = "adapter_model.safetensors";
    private static final String PREFIX = "base_model.model.";
    private static final String A_SUFFIX = ".lora_A.weight";
    private static final String B_SUFFIX = ".lora_B.weight";

    /**
     * One adapted weight.
     *
     * @param baseName the model's weight it changes, e.g. {@code transformer.h.0.attn.c_attn.weight}
     * @param a {@code [r, in]}
     * @param b {@code [out, r]}
     * @param scale {@code lora_alpha / r} (or {@code / sqrt(r)} with rsLoRA)
     * @param fanInFanOut the base weight is stored {@code [in, out]}, so the delta is transposed
     */
    public record Delta(String baseName, WeightTensor a, WeightTensor b, double scale, boolean fanInFanOut) {

        /** The shape the base weight must have. */
        public long[] baseShape() {
            long out = b.shape()[0];
            long in = a.shape()[1];
            return fanInFanOut ? new long[] {in, out} : new long[] {out, in};
        }
    }

    private final Path folder;
    private final int rank;
    private final double alpha;
    private final double scale;
    private final boolean fanInFanOut;
    private final List<String> targetModules;
    private final List<Delta> deltas;
    private final SafetensorsFile weights;

    private LoraAdapter(Path folder, int rank, double alpha, double scale, boolean fanInFanOut, List<String> targetModules,
            List<Delta> deltas, SafetensorsFile weights) {
        this.folder = folder;
        this.rank = rank;
        this.alpha = alpha;
        this.scale = scale;
        this.fanInFanOut = fanInFanOut;
        this.targetModules = targetModules;
        this.deltas = deltas;
        this.weights = weights;
    }

    /** Reads and validates a peft adapter folder. */
    public static LoraAdapter open(Path folder) throws IOException {
        Path configPath = folder.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(configPath)) {
            throw new IOException(folder + ": no " + CONFIG_FILE + "; not a peft adapter folder");
        }
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(configPath.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(configPath + ": not JSON: " + e.getOriginalMessage(), e);
        }
        String peftType = config.path("peft_type").asText("LORA");
        if (!peftType.equals("LORA")) {
            throw new IOException(configPath + ": peft_type " + peftType + " is not LORA");
        }
        JsonNode r = config.get("r");
        if (r == null || !r.isIntegralNumber() || r.asInt() <= 0) {
            throw new IOException(configPath + ": field r must be a positive integer, is " + r);
        }
        JsonNode alphaNode = config.get("lora_alpha");
        if (alphaNode == null || !alphaNode.isNumber()) {
            throw new IOException(configPath + ": field lora_alpha must be a number, is " + alphaNode);
        }
        String bias = config.path("bias").asText("none");
        if (!bias.equals("none")) {
            throw new IOException(configPath + ": field bias is '" + bias + "'; only adapters trained with bias \"none\" can be merged");
        }
        for (String unsupported : List.of("rank_pattern", "alpha_pattern")) {
            JsonNode n = config.get(unsupported);
            if (n != null && !n.isNull() && !n.isEmpty()) {
                throw new IOException(configPath + ": field " + unsupported + " (per-module ranks) is not supported");
            }
        }
        JsonNode toSave = config.get("modules_to_save");
        if (toSave != null && !toSave.isNull() && !toSave.isEmpty()) {
            throw new IOException(configPath + ": field modules_to_save " + toSave + " (fully trained modules) is not supported");
        }
        int rank = r.asInt();
        double alpha = alphaNode.asDouble();
        boolean rsLora = config.path("use_rslora").asBoolean(false);
        double scale = rsLora ? alpha / Math.sqrt(rank) : alpha / rank;
        boolean fanInFanOut = config.path("fan_in_fan_out").asBoolean(false);
        JsonNode targets = config.get("target_modules");
        List<String> targetModules = new ArrayList<>();
        Pattern targetPattern = null;
        if (targets != null && targets.isArray()) {
            targets.forEach(t -> targetModules.add(t.asText()));
        } else if (targets != null && targets.isTextual()) {
            // peft treats a string as a regular expression over the full module name
            targetPattern = Pattern.compile(targets.asText());
            targetModules.add(targets.asText());
        } else {
            throw new IOException(configPath + ": field target_modules must be a list of module names or a regex, is " + targets);
        }

        Path weightsPath = folder.resolve(WEIGHTS_FILE);
        if (!Files.isRegularFile(weightsPath)) {
            throw new IOException(folder + ": no " + WEIGHTS_FILE + (Files.exists(folder.resolve("adapter_model.bin"))
                    ? " (only adapter_model.bin, which this reader does not open)" : ""));
        }
        SafetensorsFile weights = SafetensorsFile.open(weightsPath);
        try {
            List<Delta> deltas = pairUp(weightsPath, weights, rank, scale, fanInFanOut, targetModules, targetPattern);
            return new LoraAdapter(folder, rank, alpha, scale, fanInFanOut, List.copyOf(targetModules), deltas, weights);
        } catch (IOException | RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    private static List<Delta> pairUp(Path path, SafetensorsFile weights, int rank, double scale, boolean fanInFanOut,
            List<String> targetModules, Pattern targetPattern) throws IOException {
        Map<String, String[]> modules = new TreeMap<>();
        for (String name : weights.names()) {
            String module;
            int side;
            if (name.endsWith(A_SUFFIX)) {
                module = name.substring(0, name.length() - A_SUFFIX.length());
                side = 0;
            } else if (name.endsWith(B_SUFFIX)) {
                module = name.substring(0, name.length() - B_SUFFIX.length());
                side = 1;
            } else {
                throw new IOException(path + ": tensor " + name + " is neither a lora_A nor a lora_B weight");
            }
            modules.computeIfAbsent(module, m -> new String[2])[side] = name;
        }
        if (modules.isEmpty()) {
            throw new IOException(path + ": the adapter holds no LoRA tensors");
        }
        List<Delta> deltas = new ArrayList<>();
        for (Map.Entry<String, String[]> e : modules.entrySet()) {
            String module = e.getKey();
            String[] pair = e.getValue();
            if (pair[0] == null || pair[1] == null) {
                throw new IOException(path + ": module " + module + " has " + (pair[0] == null ? pair[1] : pair[0])
                        + " without its " + (pair[0] == null ? "lora_A" : "lora_B") + " partner");
            }
            String modulePath = module.startsWith(PREFIX) ? module.substring(PREFIX.length()) : module;
            String leaf = modulePath.substring(modulePath.lastIndexOf('.') + 1);
            boolean targeted = targetPattern != null ? targetPattern.matcher(modulePath).matches()
                    : targetModules.contains(leaf) || targetModules.contains(modulePath);
            if (!targeted) {
                throw new IOException(path + ": tensor " + pair[0] + " adapts module " + modulePath
                        + ", which target_modules " + targetModules + " does not name");
            }
            WeightTensor a = weights.get(pair[0]);
            WeightTensor b = weights.get(pair[1]);
            if (a.shape().length != 2 || b.shape().length != 2 || a.shape()[0] != rank || b.shape()[1] != rank) {
                throw new IOException(path + ": module " + modulePath + " has lora_A " + Arrays.toString(a.shape())
                        + " and lora_B " + Arrays.toString(b.shape()) + "; expected [" + rank + ", in] and [out, " + rank
                        + "] for r=" + rank);
            }
            deltas.add(new Delta(modulePath + ".weight", a, b, scale, fanInFanOut));
        }
        return Collections.unmodifiableList(deltas);
    }

    /**
     * Checks that every adapted weight exists in {@code base} with the shape the adapter expects.
     *
     * @throws IllegalArgumentException naming the adapter, the weight and both shapes
     */
    public void checkAgainst(WeightSource base) {
        for (Delta d : deltas) {
            WeightTensor w = base.find(d.baseName()).orElseThrow(() -> new IllegalArgumentException(folder + ": adapter targets "
                    + d.baseName() + ", which the model " + base.describe() + " does not have"));
            if (!Arrays.equals(w.shape(), d.baseShape())) {
                throw new IllegalArgumentException(folder + ": adapter delta for " + d.baseName() + " is "
                        + Arrays.toString(d.baseShape()) + " (lora_B " + Arrays.toString(d.b().shape()) + " · lora_A "
                        + Arrays.toString(d.a().shape()) + ") but the model's weight is " + Arrays.toString(w.shape()));
            }
        }
    }

    /** The adapted base weight names. */
    public Set<String> targets() {
        Set<String> names = new TreeSet<>();
        deltas.forEach(d -> names.add(d.baseName()));
        return names;
    }

    public List<Delta> deltas() {
        return deltas;
    }

    public int rank() {
        return rank;
    }

    public double alpha() {
        return alpha;
    }

    /** The factor the product {@code B·A} is multiplied by. */
    public double scale() {
        return scale;
    }

    public boolean fanInFanOut() {
        return fanInFanOut;
    }

    public List<String> targetModules() {
        return targetModules;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException {
        weights.close();
    }
}
