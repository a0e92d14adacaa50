/**
 * The curation queue in the workbench: the Queue view (the next documents with the reason and the
 * score), the N key that opens the next document at its most uncertain suggestion, and the queue's
 * preferences (strategy, exploration share). The ranking itself is {@code taiyi.workbench.learning.queue}'s,
 * the same as {@code taiyi queue}'s.
 */
package taiyi.workbench.ui.queue;
