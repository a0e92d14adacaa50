package taiyi.workbench.learning.learner;

/** How a training run reports progress and learns that it should stop (an Eclipse job's monitor, a CLI bar). */
public interface TrainingProgress {

    /** Progress that nobody watches and that never cancels. */
    TrainingProgress NONE = new TrainingProgress() {
        @Override
        public void worked(int done, int total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} steps (iterations, documents) are finished. */
    void worked(int done, int total);

    /** Whether the caller has asked the run to stop; a learner checks it between steps. */
    boolean isCancelled();
}
