/**
 * File &gt; Export Round…: the wizard that sets up a round export (corpora, tasks, languages, replay,
 * exclusions, with a preview of its first conversations) and the job that writes it with progress
 * and ends by showing the manifest's counts. The export itself is
 * {@link taiyi.workbench.learning.export.RoundExport}, the same code {@code taiyi round export} runs.
 */
package taiyi.workbench.ui.round;
