/**
 * The statistical sequence tagger: a linear-chain CRF (MALLET's, trained by L-BFGS with a Gaussian
 * prior on several threads) over words in English and characters in Chinese, one BIO layer per group
 * of entity types that never nest in each other, with per-unit marginals from forward-backward so
 * every predicted mention has a confidence and a runner-up.
 */
package taiyi.workbench.learning.learner.tagger;
