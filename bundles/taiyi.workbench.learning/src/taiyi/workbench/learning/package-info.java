/**
 * The loop's second half, without a display: what has been curated, read as training and evaluation
 * material. Sub-packages own the learners, the curation queue, evaluation and the round export; the CLI
 * and the UI only call them.
 */
package taiyi.workbench.learning;
