package taiyi.workbench.inference.djl.tokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import taiyi.workbench.inference.djl.Fixtures;

/** Qwen-7B's real 151,643-rank vocabulary (see releng/tokenizer), loaded once for all tests. */
final class RealQwenVocabulary {

    private static QwenTokenizer tokenizer;

    private RealQwenVocabulary() {
    }

    static Path file() {
        return Fixtures.file("tokenizer/qwen.tiktoken.gz");
    }

    static synchronized QwenTokenizer tokenizer() {
        if (tokenizer == null) {
            try {
                tokenizer = QwenTokenizer.load(file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tokenizer;
    }
}
