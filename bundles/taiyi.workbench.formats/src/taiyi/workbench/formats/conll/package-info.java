/**
 * CoNLL-style token/BIO columns for sequence taggers: one token per line with its tag, a blank line
 * between sentences, each sentence one document. Flat by nature: where mentions overlap only the
 * longest is written, and the writer reports how many it dropped.
 */
package taiyi.workbench.formats.conll;
