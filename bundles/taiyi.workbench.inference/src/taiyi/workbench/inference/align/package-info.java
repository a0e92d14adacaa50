/**
 * Finding what a model wrote back in the text it read. Taiyi answers with strings, not offsets,
 * so each mention string is looked up in the window text: exactly first, then with case and
 * full-width/half-width forms folded ({@link taiyi.workbench.inference.align.FoldedText}, which keeps
 * a map from each folded char to the original chars so that offsets stay valid UTF-16 offsets of
 * the original text and never split a surrogate pair), then ignoring white space. A string found
 * nowhere is reported, never placed.
 */
package taiyi.workbench.inference.align;
