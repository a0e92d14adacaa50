/**
 * The Pre-annotate command: documents chosen in the navigator go to the model configured on the
 * Taiyi preference page, in a cancellable background job with progress, and come back as the
 * suggestion layer. The run itself is {@link taiyi.workbench.inference.run.PreannotationRun}, the
 * same one {@code taiyi preannotate} makes; the loaded model is kept between runs
 * ({@link taiyi.workbench.ui.preannotate.LoadedModel}) because loading a 7B model takes a while.
 */
package taiyi.workbench.ui.preannotate;
