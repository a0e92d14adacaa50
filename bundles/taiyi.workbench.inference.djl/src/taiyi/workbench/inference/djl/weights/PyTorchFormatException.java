package taiyi.workbench.inference.djl.weights;

import java.io.IOException;

/** A PyTorch checkpoint that cannot be read as it is; the message names the file and what is wrong. */
public final class PyTorchFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public PyTorchFormatException(String message) {
        super(message);
    }
}
