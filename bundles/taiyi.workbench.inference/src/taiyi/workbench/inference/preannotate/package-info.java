/**
 * Pre-annotation: documents in, scored suggestions out. {@link taiyi.workbench.inference.preannotate.Preannotator}
 * cuts each document into windows, asks the model for each requested task in its own prompt
 * template, reads the answers back, places every mention in the text and scores each suggestion by
 * the log-probabilities of the tokens that wrote it. The CLI's {@code taiyi preannotate} and the
 * UI's job both call it; the store keeps what it returns as the suggestion layer.
 */
package taiyi.workbench.inference.preannotate;
