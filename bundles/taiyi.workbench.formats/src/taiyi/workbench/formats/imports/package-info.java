/**
 * Importing files as a user picks them, without a UI: expanding chosen files and folders into the
 * files to read ({@link ImportFiles}), telling each file's format from its extension where only one
 * format claims it ({@link FormatDetection}), and reading them one by one into a
 * {@link DocumentSink} — the corpus store in the CLI and the workbench — with one
 * {@link FileOutcome} per file ({@link FileImport}). The import wizard and {@code taiyi import} both
 * run exactly this code.
 */
package taiyi.workbench.formats.imports;
