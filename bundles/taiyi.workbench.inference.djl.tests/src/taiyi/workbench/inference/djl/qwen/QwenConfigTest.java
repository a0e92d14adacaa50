package taiyi.workbench.inference.djl.qwen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QwenConfigTest {

    @TempDir
    Path dir;

    /** The fields of Qwen-7B's own config.json (v1). */
    @Test
    void qwen7bConfigIsRead() throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, """
                {"architectures": ["QWenLMHeadModel"], "auto_map": {"AutoConfig": "configuration_qwen.QWenConfig"},
                 "bf16": false, "emb_dropout_prob": 0.0, "hidden_size": 4096, "intermediate_size": 22016,
                 "kv_channels": 128, "layer_norm_epsilon": 1e-06, "max_position_embeddings": 8192, "model_type": "qwen",
                 "no_bias": true, "num_attention_heads": 32, "num_hidden_layers": 32, "rotary_emb_base": 10000,
                 "rotary_pct": 1.0, "seq_length": 2048, "tie_word_embeddings": false, "use_dynamic_ntk": true,
                 "use_logn_attn": true, "vocab_size": 151936}
                """);
        QwenConfig c = QwenConfig.read(dir);
        assertEquals(4096, c.hiddenSize());
        assertEquals(11008, c.mlpWidth());
        assertEquals(128, c.rotaryDim());
        assertEquals(2048, c.seqLength());
        assertEquals(151936, c.vocabSize());
        // 7.72 billion parameters, as published for Qwen-7B
        assertEquals(7.72e9, c.parameterCount(), 0.01e9);
    }

    @Test
    void otherArchitecturesAreRefused() throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"architectures\": [\"Qwen2ForCausalLM\"], \"model_type\": \"qwen2\", \"hidden_size\": 8}");
        IOException e = assertThrows(IOException.class, () -> QwenConfig.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("Qwen2ForCausalLM")
                && e.getMessage().contains("not Qwen v1"), e.getMessage());
    }

    @Test
    void aMissingOrMistypedFieldIsNamed() throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"model_type\": \"qwen\", \"hidden_size\": 64, \"num_attention_heads\": 4}");
        IOException missing = assertThrows(IOException.class, () -> QwenConfig.read(file));
        assertTrue(missing.getMessage().contains("num_hidden_layers is missing"), missing.getMessage());
        Files.writeString(file, "{\"model_type\": \"qwen\", \"hidden_size\": \"64\"}");
        IOException mistyped = assertThrows(IOException.class, () -> QwenConfig.read(file));
        assertTrue(mistyped.getMessage().contains("hidden_size must be an integer"), mistyped.getMessage());
    }

    @Test
    void writtenConfigReadsBackEqual() throws IOException {
        Files.writeString(dir.resolve("config.json"), ReferenceFixture.CONFIG.toJson().toString());
        assertEquals(ReferenceFixture.CONFIG, QwenConfig.read(dir));
    }
}
