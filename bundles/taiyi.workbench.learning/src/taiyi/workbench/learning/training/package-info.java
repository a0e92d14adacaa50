/**
 * Training runs: an exported round's conversations, tokenised in the pre-annotator's own template,
 * trained into a LoRA or QLoRA adapter in process on the DJL PyTorch engine, with the round's
 * recipe as defaults, progress, checkpoints and resume, and the adapter written whole with its
 * {@code taiyi-training.json} record for the adapter registry. The arithmetic of a step lives in
 * {@code taiyi.workbench.inference.djl.train}.
 */
package taiyi.workbench.learning.training;
