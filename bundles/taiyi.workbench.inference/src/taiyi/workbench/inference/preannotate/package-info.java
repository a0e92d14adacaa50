/**
 * Pre-annotation: documents in, scored suggestions out. {@link taiyi.workbench.inference.preannotate.Preannotator}
 * cuts each document into windows, asks the model for each requested task in its own prompt
 * template, reads the answers back, places every mention in the text and scores each suggestion by
 * the log-probabilities of the tokens that wrote it. The CLI's {@code taiyi preannotate} and the
 * UI's job both call it; the store keeps what it returns as the suggestion layer.
 *
 * <p>Relations point at mention suggestions: an argument reuses the NER suggestion at the same
 * chars, else becomes a mention suggestion of its own, typed as NER typed the same string in the
 * document, else as the schema's only entity type, else {@code entity} (the label schema does not
 * record argument types), marked with the attribute {@code relation.argument}. Whatever cannot be
 * read or placed is listed in {@link taiyi.workbench.inference.preannotate.DocumentPreannotation#problems()}.
 */
package taiyi.workbench.inference.preannotate;
