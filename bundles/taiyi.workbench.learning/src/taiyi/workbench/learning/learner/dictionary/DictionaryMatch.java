package taiyi.workbench.learning.learner.dictionary;

import taiyi.workbench.core.model.Span;

/**
 * An occurrence of a dictionary string in a text.
 *
 * @param span where it occurs, in the original (unfolded) text
 * @param entry the dictionary entry it matched
 */
public record DictionaryMatch(Span span, DictionaryEntry entry) {
}
