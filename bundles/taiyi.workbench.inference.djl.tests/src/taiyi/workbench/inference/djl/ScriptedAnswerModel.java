package taiyi.workbench.inference.djl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.inference.djl.qwen.QwenLayout;
import taiyi.workbench.inference.djl.weights.SafetensorsWriter;

/**
 * A real Qwen v1 checkpoint (real vocabulary size, real tokenizer file, one decoder block) whose
 * weights are set by hand so that greedy decoding writes one known answer: attention and MLP are
 * zero, so each position's output depends only on its own token, and the embedding and lm_head map
 * each token of the chain to the next one. With it the whole path — prompt template, tokenizer,
 * decoder, incremental text decoding, output parser, aligner, store — runs end to end with an
 * answer known in advance, which random weights cannot give.
 */
final class ScriptedAnswerModel {

    static final int HIDDEN = 64;
    static final int VOCAB = 151_936;
    /** lm_head weight of a scripted next token: its logit is this times sqrt(HIDDEN), all others 0. */
    private static final float CONFIDENCE = 4f;

    private ScriptedAnswerModel() {
    }

    /**
     * Writes a model folder that, after the prompt's last token {@code chain[0]}, generates
     * {@code chain[1..]}. Tokens before the last one of the chain must be distinct.
     */
    static void write(Path folder, List<Integer> chain) throws IOException {
        Map<Integer, Integer> dimension = new HashMap<>();
        for (int i = 0; i < chain.size() - 1; i++) {
            if (dimension.putIfAbsent(chain.get(i), dimension.size()) != null) {
                throw new IllegalArgumentException("token " + chain.get(i) + " twice in the chain: a bigram model cannot script it");
            }
        }
        if (dimension.size() > HIDDEN) {
            throw new IllegalArgumentException("chain longer than the hidden size");
        }
        QwenConfig config = new QwenConfig(HIDDEN, 4, 1, 2 * HIDDEN, VOCAB, 1e-6, 10_000, HIDDEN / 4, 2048, 1.0);
        Files.createDirectories(folder);
        new ObjectMapper().writeValue(folder.resolve(QwenConfig.FILE).toFile(), config.toJson());
        float[] embedding = new float[VOCAB * HIDDEN];
        float[] lmHead = new float[VOCAB * HIDDEN];
        for (int i = 0; i < chain.size() - 1; i++) {
            int d = dimension.get(chain.get(i));
            embedding[chain.get(i) * HIDDEN + d] = 1f;
            lmHead[chain.get(i + 1) * HIDDEN + d] = CONFIDENCE;
        }
        SafetensorsWriter writer = new SafetensorsWriter();
        for (Map.Entry<String, long[]> w : QwenLayout.shapes(config).entrySet()) {
            long[] shape = w.getValue();
            float[] values;
            if (w.getKey().equals(QwenLayout.EMBEDDING)) {
                values = embedding;
            } else if (w.getKey().equals(QwenLayout.LM_HEAD)) {
                values = lmHead;
            } else {
                long n = 1;
                for (long s : shape) {
                    n *= s;
                }
                values = new float[(int) n];
                if (shape.length == 1 && !w.getKey().endsWith("bias")) {
                    java.util.Arrays.fill(values, 1f); // norms pass the hidden state through
                }
            }
            writer.addFloats(w.getKey(), shape, values);
        }
        writer.write(folder.resolve("model.safetensors"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Fixtures.file("tokenizer/qwen.tiktoken.gz")));
                OutputStream out = Files.newOutputStream(folder.resolve("qwen.tiktoken"))) {
            in.transferTo(out);
        }
    }
}
