package taiyi.workbench.testing;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Runs a test's body on one PyTorch intra-op thread, then gives back the count it found. A threaded
 * reduction may add in another order from run to run; a test that compares two runs bit for bit, or
 * many training steps with a reference, needs one order. Only fragments that load the PyTorch engine
 * may call it (this bundle imports the engine optionally).
 */
public final class OneTorchThread {

    /** A test's body, which may throw what the test throws. */
    @FunctionalInterface
    public interface Body<E extends Exception> {
        void run() throws E;
    }

    private OneTorchThread() {
    }

    public static <E extends Exception> void run(Body<E> body) throws E {
        int threads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        try {
            body.run();
        } finally {
            JniUtils.setNumThreads(threads);
        }
    }
}
