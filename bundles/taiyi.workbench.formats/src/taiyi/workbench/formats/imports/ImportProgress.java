package taiyi.workbench.formats.imports;

/**
 * Told as an import goes from file to file, and asked whether to go on: an Eclipse job's progress
 * monitor in the workbench, nothing in the CLI.
 */
public interface ImportProgress {

    /** Nothing to report, never cancelled. */
    ImportProgress NONE = new ImportProgress() {
    };

    /** Before reading file {@code index} (0-based) of {@code total}. */
    default void starting(ImportItem item, int index, int total) {
    }

    /** After a file was imported or refused. */
    default void finished(FileOutcome outcome) {
    }

    /** Checked between files: a file being imported is always finished, so a cancel leaves whole files only. */
    default boolean cancelled() {
        return false;
    }
}
