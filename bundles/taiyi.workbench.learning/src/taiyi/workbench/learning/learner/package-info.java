/**
 * In-process learners: what trains from a corpus's curated layer and predicts mentions with
 * confidences and runners-up, which the queue ranks by and the suggestion layer stores. The learners'
 * implementations and their persistence by round live here too.
 */
package taiyi.workbench.learning.learner;
