/**
 * The round export: a corpus's curated layer rendered as Taiyi instruction data (Firefly
 * conversation JSON Lines), the way the next QLoRA round trains on it. Instructions are drawn from
 * the pre-annotator's own paraphrased wordings ({@code inference.task}); answers are written in the
 * exact syntax its output parsers read, so parsing an exported answer and aligning it to the text
 * gives the curated mentions and relations back, and what a task cannot express is counted. Long
 * documents are cut into the pre-annotator's windows, every conversation is measured with the Qwen
 * tokenizer against the maximum length, excluded (test) corpora and their near-duplicates are
 * dropped, a seeded sample of earlier data is replayed, and the round is written atomically, owner
 * only, with a manifest (sources, counts, drops, licences, hashes, the QLoRA recipe) and a ready
 * configuration and launcher for the distributed trainer (peft under torchrun with DeepSpeed
 * ZeRO-3). The same inputs and seed give a byte-identical round.
 */
package taiyi.workbench.learning.export;
