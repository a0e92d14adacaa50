/**
 * The prompt layouts of the model families the workbench runs: Taiyi 1's role-less
 * {@code <|endoftext|>}-joined turns ({@link taiyi.workbench.inference.prompt.Taiyi1Template}) and
 * Qwen chat models' ChatML ({@link taiyi.workbench.inference.prompt.ChatMlTemplate}), found by the id
 * a model folder or a preference names ({@link taiyi.workbench.inference.prompt.PromptTemplates}).
 * Turns always go in as {@link taiyi.workbench.inference.PromptPiece.Text}, so a document that
 * spells a control token cannot end a turn early.
 */
package taiyi.workbench.inference.prompt;
