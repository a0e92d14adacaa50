/**
 * Curation as a log: every curator decision is a {@link taiyi.workbench.core.curation.CorrectionEvent},
 * and the curated layer of a document is the {@link taiyi.workbench.core.curation.CurationFold fold}
 * of its events, the import first. Undo and redo are events too, so they survive a restart and the
 * log stays append-only.
 */
package taiyi.workbench.core.curation;
