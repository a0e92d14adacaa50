/**
 * The statistical sequence tagger: a linear-chain CRF written here ({@link ChainCrf}: Viterbi and
 * scaled forward-backward over BIO labels, with the transitions BIO forbids made impossible), trained
 * by per-sentence AdaGrad steps with a Gaussian prior ({@link CrfTraining}), over words in English and
 * characters in Chinese, one BIO layer per group of entity types that never nest in each other, with
 * per-unit marginals so every predicted mention has a confidence and a runner-up.
 */
package taiyi.workbench.learning.learner.tagger;
