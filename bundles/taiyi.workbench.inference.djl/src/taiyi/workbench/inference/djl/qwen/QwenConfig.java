package taiyi.workbench.inference.djl.qwen;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shape of a Qwen v1 model ({@code QWenLMHeadModel}, as in Qwen-7B and Taiyi 1), read from
 * the Hugging Face {@code config.json}. Fields missing from the file take the defaults of Qwen's
 * own {@code QWenConfig}; other architectures (Qwen2, Llama...) are refused, since their weight
 * names and layout differ.
 *
 * @param hiddenSize model width
 * @param heads attention heads
 * @param layers decoder blocks
 * @param intermediateSize Qwen's {@code intermediate_size}; w1 and w2 each have half of it as rows
 * @param vocabSize rows of the embedding and of {@code lm_head}
 * @param layerNormEpsilon RMSNorm epsilon
 * @param rotaryBase rotary base ({@code rotary_emb_base})
 * @param kvChannels width of one head
 * @param seqLength longest context the model supports without dynamic NTK (not implemented)
 * @param rotaryPct share of each head that is rotated
 */
public record QwenConfig(int hiddenSize, int heads, int layers, int intermediateSize, int vocabSize, double layerNormEpsilon,
        double rotaryBase, int kvChannels, int seqLength, double rotaryPct) {

    public static final String FILE = "config.json";
    public static final String ARCHITECTURE = "QWenLMHeadModel";

    public QwenConfig {
        require(hiddenSize > 0 && heads > 0 && layers > 0 && vocabSize > 0 && kvChannels > 0 && seqLength > 0,
                "sizes must be positive");
        require(intermediateSize > 0 && intermediateSize % 2 == 0, "intermediate_size must be positive and even");
        require(rotaryPct > 0 && rotaryPct <= 1, "rotary_pct must be in (0, 1]");
        int rotary = (int) (kvChannels * rotaryPct);
        require(rotary % 2 == 0 && rotary > 0, "kv_channels * rotary_pct must be a positive even number");
        require(layerNormEpsilon > 0, "layer_norm_epsilon must be positive");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("Qwen config: " + what);
        }
    }

    /** Reads {@code config.json} from a model folder or a file path. */
    public static QwenConfig read(Path path) throws IOException {
        Path file = path.toFile().isDirectory() ? path.resolve(FILE) : path;
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not a JSON object");
        }
        String modelType = root.path("model_type").asText("");
        JsonNode architectures = root.path("architectures");
        boolean listed = false;
        for (JsonNode a : architectures) {
            listed |= a.asText().equals(ARCHITECTURE);
        }
        if (!listed && !modelType.equals("qwen")) {
            throw new IOException(file + ": architectures " + architectures + " (model_type '" + modelType + "') is not Qwen v1 "
                    + ARCHITECTURE + "; only the Qwen v1 layout (Qwen-7B, Taiyi 1) is supported");
        }
        if (root.path("tie_word_embeddings").asBoolean(false)) {
            throw new IOException(file + ": field tie_word_embeddings is true; Qwen v1 has its own lm_head.weight");
        }
        try {
            int hidden = intField(file, root, "hidden_size", null);
            int heads = intField(file, root, "num_attention_heads", null);
            return new QwenConfig(hidden, heads, intField(file, root, "num_hidden_layers", null),
                    intField(file, root, "intermediate_size", null), intField(file, root, "vocab_size", null),
                    doubleField(file, root, "layer_norm_epsilon", 1e-6), doubleField(file, root, "rotary_emb_base", 10000),
                    intField(file, root, "kv_channels", heads > 0 ? hidden / heads : null),
                    intField(file, root, "seq_length", 8192), doubleField(file, root, "rotary_pct", 1.0));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static int intField(Path file, JsonNode root, String name, Integer fallback) throws IOException {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            if (fallback == null) {
                throw new IOException(file + ": field " + name + " is missing");
            }
            return fallback;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IOException(file + ": field " + name + " must be an integer, is " + n);
        }
        return n.asInt();
    }

    private static double doubleField(Path file, JsonNode root, String name, double fallback) throws IOException {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isNumber()) {
            throw new IOException(file + ": field " + name + " must be a number, is " + n);
        }
        return n.asDouble();
    }

    /** The config as Hugging Face writes it for Qwen v1 (enough for {@link #read} and the Python reference). */
    public ObjectNode toJson() {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.putArray("architectures").add(ARCHITECTURE);
        n.put("model_type", "qwen");
        n.put("hidden_size", hiddenSize);
        n.put("num_attention_heads", heads);
        n.put("num_hidden_layers", layers);
        n.put("intermediate_size", intermediateSize);
        n.put("vocab_size", vocabSize);
        n.put("layer_norm_epsilon", layerNormEpsilon);
        n.put("rotary_emb_base", rotaryBase);
        n.put("kv_channels", kvChannels);
        n.put("seq_length", seqLength);
        n.put("rotary_pct", rotaryPct);
        n.put("no_bias", true);
        n.put("tie_word_embeddings", false);
        return n;
    }

    /** Width of q, k and v together: heads times head width. */
    public int projectionSize() {
        return heads * kvChannels;
    }

    /** Rows of w1 and of w2. */
    public int mlpWidth() {
        return intermediateSize / 2;
    }

    /** How many leading channels of each head the rotary embedding turns. */
    public int rotaryDim() {
        return (int) (kvChannels * rotaryPct);
    }

    /** Parameters of the model (weights and biases). */
    public long parameterCount() {
        long h = hiddenSize;
        long perLayer = 2 * h + h * 3L * projectionSize() + 3L * projectionSize() + (long) projectionSize() * h
                + 2L * mlpWidth() * h + (long) mlpWidth() * h;
        return 2L * vocabSize * h + h + layers * perLayer;
    }
}
