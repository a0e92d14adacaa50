/**
 * CoNLL-style token/BIO columns for sequence taggers: one token per line with its tag, a blank line
 * between sentences. Flat by nature: overlapping mentions cannot all be written.
 */
package taiyi.workbench.formats.conll;
