/**
 * brat standoff: a {@code .txt} file with the text and an {@code .ann} file beside it with
 * {@code T} (text-bound, possibly discontinuous {@code 0 5;10 15}), {@code R} (relation),
 * {@code N} (normalisation) and {@code A}/{@code M} (attribute) lines, one document per pair.
 */
package taiyi.workbench.formats.brat;
