/**
 * The contract between the workbench and a text-generating model, with nothing native in it:
 * prompts go in as {@link taiyi.workbench.inference.PromptPiece}s (control tokens kept apart from
 * user text so a document cannot inject them), generations come back with each token's
 * log-probability and the characters it produced, so task parsers can score what they extract.
 * Engines (DJL in {@code taiyi.workbench.inference.djl}, HTTP back ends) implement
 * {@link taiyi.workbench.inference.TextGenerator}.
 */
package taiyi.workbench.inference;
