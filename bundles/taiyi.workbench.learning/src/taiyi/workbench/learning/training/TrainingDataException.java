package taiyi.workbench.learning.training;

import java.io.IOException;

/** Training data the run cannot use, with the file and line (when there is one) in the message. */
public final class TrainingDataException extends IOException {

    private static final long serialVersionUID = 1L;

    public TrainingDataException(String message) {
        super(message);
    }
}
