/**
 * brat standoff: a {@code .txt} file with the text and an {@code .ann} file beside it with
 * {@code T} (text-bound, possibly discontinuous {@code 0 5;10 15}), {@code R} (relation),
 * {@code N} (normalisation), {@code A}/{@code M} (attribute) and {@code #} (annotator note) lines,
 * one document per pair. Offsets are code points, converted to UTF-16 on reading and back on
 * writing; events and equivalences are not supported.
 */
package taiyi.workbench.formats.brat;
