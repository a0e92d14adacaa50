/**
 * What the model is asked: the tasks ({@link taiyi.workbench.inference.task.TaskKind}), the
 * windows a long document is cut into at passage and sentence boundaries
 * ({@link taiyi.workbench.inference.task.TextWindows}), and the instructions for NER, RE and TC in
 * English and Chinese, worded in Taiyi's style from the corpus label schema's display names. Each
 * task has several paraphrased wordings, as Taiyi was trained on, and a document always gets the
 * same one (picked from a hash of its id) so that a rerun asks the same question.
 */
package taiyi.workbench.inference.task;
