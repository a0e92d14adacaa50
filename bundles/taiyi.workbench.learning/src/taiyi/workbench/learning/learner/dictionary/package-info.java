/**
 * The dictionary annotator: every curated mention becomes a pattern with its type and concepts,
 * matched longest first over text folded the way {@code MentionAligner} folds (NFKC, lower case), and
 * scored by how often its string was curated as that type against how often it was seen at all. The
 * sequence tagger uses the same dictionary as a feature.
 */
package taiyi.workbench.learning.learner.dictionary;
