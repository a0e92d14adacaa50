package taiyi.workbench.bench.tokenizer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.djl.tokenizer.TokenTextDecoder;

/**
 * Measures the tokenizer: how long loading a vocabulary takes, and encode and decode throughput
 * on the given texts. Prints figures and ratios; asserts nothing (the numbers depend on the
 * machine). Run by {@code taiyi bench tokenizer}.
 */
public final class TokenizerBenchmark {

    private static final int LOADS = 3;
    private static final long MIN_NANOS = 1_000_000_000L;

    private TokenizerBenchmark() {
    }

    /**
     * @param vocabulary a {@code qwen.tiktoken} (or {@code .gz}) or a model folder
     * @param texts the texts to encode, e.g. the lines of a corpus
     */
    public static void run(Path vocabulary, List<String> texts, PrintWriter out) throws IOException {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to encode");
        }
        long bestLoad = Long.MAX_VALUE;
        QwenTokenizer tokenizer = null;
        for (int i = 0; i < LOADS; i++) {
            long t0 = System.nanoTime();
            tokenizer = QwenTokenizer.load(vocabulary);
            bestLoad = Math.min(bestLoad, System.nanoTime() - t0);
        }
        long chars = 0;
        for (String t : texts) {
            chars += t.length();
        }
        // Encode: the first pass warms the JIT, then whole passes until a second has gone by.
        int[][] ids = new int[texts.size()][];
        long tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            ids[i] = tokenizer.encodeText(texts.get(i));
            tokens += ids[i].length;
        }
        int encodePasses = 0;
        long t0 = System.nanoTime();
        long sink = 0;
        do {
            for (String t : texts) {
                sink += tokenizer.encodeText(t).length;
            }
            encodePasses++;
        } while (System.nanoTime() - t0 < MIN_NANOS);
        long encodeNanos = System.nanoTime() - t0;
        int decodePasses = 0;
        t0 = System.nanoTime();
        do {
            for (int[] one : ids) {
                TokenTextDecoder decoder = tokenizer.newTextDecoder();
                for (int id : one) {
                    decoder.accept(id);
                }
                sink += decoder.finish().end();
            }
            decodePasses++;
        } while (System.nanoTime() - t0 < MIN_NANOS);
        long decodeNanos = System.nanoTime() - t0;

        double encodeCharsPerSecond = chars * (double) encodePasses / (encodeNanos / 1e9);
        double decodeTokensPerSecond = tokens * (double) decodePasses / (decodeNanos / 1e9);
        out.printf(Locale.ROOT, "tokenizer %s: %d ids (%d ordinary)%n", tokenizer.source(),
                tokenizer.vocabularySize(), tokenizer.ordinaryTokenCount());
        out.printf(Locale.ROOT, "load: best of %d %.0f ms%n", LOADS, bestLoad / 1e6);
        out.printf(Locale.ROOT, "texts: %d, %d chars, %d tokens, %.2f chars/token%n", texts.size(), chars, tokens,
                chars / (double) tokens);
        out.printf(Locale.ROOT, "encode: %.0f chars/s, %.0f tokens/s (%d passes)%n", encodeCharsPerSecond,
                encodeCharsPerSecond * tokens / chars, encodePasses);
        out.printf(Locale.ROOT, "incremental decode: %.0f tokens/s (%d passes); decode/encode token rate %.1f%n",
                decodeTokensPerSecond, decodePasses, decodeTokensPerSecond / (encodeCharsPerSecond * tokens / chars));
        out.println("benchmark tokenizer done (checksum " + sink + ")");
    }
}
