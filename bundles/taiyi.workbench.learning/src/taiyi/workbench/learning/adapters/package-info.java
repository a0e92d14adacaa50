/**
 * Adapters by round: the LoRA adapters trained on the workbench's exported rounds (in process by
 * {@code taiyi train}, or by the round's distributed trainer and imported), each registered with its
 * round, the hash of the base model it was trained on, the hash of the round's manifest, its
 * hyperparameters and final loss, and its evaluation F1 once known. An adapter folder is verified
 * (a peft LoRA adapter that opens) before it is registered; pre-annotation picks the latest round's
 * adapter whose base-model hash matches the model folder it loads, unless told otherwise. A base
 * model's hash is remembered in the data folder by its weight files' stamps, so that choosing does
 * not read a 15 GB model every time.
 */
package taiyi.workbench.learning.adapters;
