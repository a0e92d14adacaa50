/**
 * Qwen's tokenizer: the byte-level BPE of Qwen-7B's {@code qwen.tiktoken} (encoded with jtokkit),
 * Qwen's control tokens numbered after the ordinary ranks, and the incremental decoding of
 * generated ids into text with each token's char range. Prompt text is always encoded as ordinary
 * text, so a document can never smuggle a control token into a prompt.
 */
package taiyi.workbench.inference.djl.tokenizer;
