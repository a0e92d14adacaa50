/**
 * The loop's second half, without a display: what has been curated, read as training and evaluation
 * material. Sub-packages own the learners, the curation queue, evaluation, the round export and the
 * adapters registered by round; the CLI and the UI only call them.
 */
package taiyi.workbench.learning;
