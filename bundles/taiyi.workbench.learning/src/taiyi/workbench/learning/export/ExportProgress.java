package taiyi.workbench.learning.export;

/** What a round export reports while it runs, and how a caller stops it (nothing is written then). */
public interface ExportProgress {

    ExportProgress NONE = new ExportProgress() {
        @Override
        public void worked(int done, int total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} documents rendered. */
    void worked(int done, int total);

    boolean isCancelled();
}
