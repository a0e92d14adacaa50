/**
 * The simulation that measures the loop: a gold corpus revealed batch by batch in the order a queue
 * strategy asks for, the learner retrained after each batch and scored on a held-out part, so that
 * strategies can be compared by the tokens they need to reach a share of the full-data F1.
 */
package taiyi.workbench.learning.simulation;
