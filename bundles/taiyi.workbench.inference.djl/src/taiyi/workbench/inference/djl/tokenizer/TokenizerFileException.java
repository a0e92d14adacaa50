package taiyi.workbench.inference.djl.tokenizer;

import java.io.IOException;

/** A tokenizer file that cannot be read as it is, with the file and line to fix. */
public final class TokenizerFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    public TokenizerFileException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
