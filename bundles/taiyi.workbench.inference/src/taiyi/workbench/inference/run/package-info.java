/**
 * Pre-annotating documents of a corpus in the store: the one loop the CLI's {@code taiyi preannotate}
 * and the workbench's Pre-annotate job share. Documents go to the model a batch at a time, each
 * document's suggestions are committed in one transaction as soon as its answers are complete (a
 * cancelled or failed run keeps what was finished, never half a document), documents that already
 * hold this model's suggestions for the round are skipped, and suggestion ids are kept clear of
 * those a document already has.
 */
package taiyi.workbench.inference.run;
