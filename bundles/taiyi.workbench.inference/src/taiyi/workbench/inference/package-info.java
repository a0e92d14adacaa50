/**
 * The contract between the workbench and a text-generating model, with nothing native in it:
 * prompts go in as {@link taiyi.workbench.inference.PromptPiece}s (control tokens kept apart from
 * user text so a document cannot inject them), generations come back with each token's
 * log-probability and the characters it produced, so task parsers can score what they extract.
 * Engines (DJL in {@code taiyi.workbench.inference.djl}, HTTP back ends) implement
 * {@link taiyi.workbench.inference.TextGenerator} and register a
 * {@link taiyi.workbench.inference.GenerationEngine}; both faces load models through the one
 * {@link taiyi.workbench.inference.EngineFactory}, with the one set of defaults in
 * {@link taiyi.workbench.inference.GenerationOptions} and {@link taiyi.workbench.inference.GeneratorSettings}.
 */
package taiyi.workbench.inference;
