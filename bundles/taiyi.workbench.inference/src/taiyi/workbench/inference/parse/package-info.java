/**
 * Reading a model's answers back into typed items: entity mentions from {@code type：m1; m2} lines
 * ({@link taiyi.workbench.inference.parse.NerOutputParser}), relation pairs and triples
 * ({@link taiyi.workbench.inference.parse.RelationOutputParser}) and document labels
 * ({@link taiyi.workbench.inference.parse.ClassificationOutputParser}), in the forms Taiyi writes
 * them (full-width and half-width punctuation, English and Chinese type names). Each item keeps the
 * chars of the answer it was read from, so it can be scored by the tokens that produced it. What
 * cannot be read (unknown types, garbage, an echoed prompt) is reported line by line, never guessed.
 */
package taiyi.workbench.inference.parse;
