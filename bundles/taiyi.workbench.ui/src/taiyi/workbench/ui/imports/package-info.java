/**
 * File &gt; Import…: the wizard that picks files, folders, format and corpus, the job that runs the
 * UI-free {@link taiyi.workbench.formats.imports.FileImport} with a progress bar, and the "Import
 * Problems" view that lists the refused files as {@code file:line: reason}.
 */
package taiyi.workbench.ui.imports;
