/**
 * Evaluation, the paper's metric: exact span-and-type scoring of a suggestion source (a model or a
 * learner, at one round) against a curated layer, micro and per type; relations as (head, tail, type)
 * triples; agreement between two curators; and the learning curve the stored evaluations draw.
 */
package taiyi.workbench.learning.evaluation;
