package taiyi.workbench.learning.learner;

/**
 * How a long piece of counted work (a learner's training, a round export) reports progress and learns
 * that it should stop: an Eclipse job's monitor, a CLI bar. The adapter training of
 * {@code taiyi.workbench.learning.training} reports more (loss, learning rate, tokens per second) and has
 * its own.
 */
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

    /** {@code done} of {@code total} steps (iterations, documents rendered) are finished. */
    void worked(int done, int total);

    /** Whether the caller has asked the work to stop; it is checked between steps. */
    boolean isCancelled();
}
