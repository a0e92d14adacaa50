/**
 * The curation queue: which document to curate next, and inside it which suggestion first. A
 * {@link taiyi.workbench.learning.queue.QueueStrategy} ranks a {@link taiyi.workbench.learning.queue.QueuePool}
 * (the uncurated documents with what each source predicted, the curated documents, the cost of a
 * decision), built in memory by a simulation or read from the store by
 * {@link taiyi.workbench.learning.queue.StoredQueuePool}; {@link taiyi.workbench.learning.queue.CurationQueue}
 * mixes in a share of random picks ({@link taiyi.workbench.learning.queue.Exploration}). The CLI's
 * {@code taiyi queue} and the UI's Queue view only call this package.
 */
package taiyi.workbench.learning.queue;
