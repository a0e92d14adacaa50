package taiyi.workbench.inference.djl;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test fixtures of this fragment ({@code fixtures/}, made by the scripts under
 * {@code releng/tokenizer} and {@code releng/python}); the repository's real corpora are
 * {@code taiyi.workbench.testing.TestCorpora}.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A file under this fragment's {@code fixtures/}, e.g. {@code tokenizer/qwen.tiktoken.gz}. */
    public static Path file(String relative) {
        return existing("taiyi.djl.fixtures", relative);
    }

    private static Path existing(String property, String relative) {
        String dir = System.getProperty(property);
        if (dir == null) {
            throw new IllegalStateException("system property " + property + " is not set (the build sets it)");
        }
        Path p = Path.of(dir, relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("test fixture missing: " + p);
        }
        return p;
    }
}
