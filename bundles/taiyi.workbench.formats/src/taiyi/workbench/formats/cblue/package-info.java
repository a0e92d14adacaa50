/**
 * CBLUE's Chinese medical JSON, read and written: CMeEE entities ({@code start_idx}/{@code end_idx},
 * inclusive, counted in characters, i.e. code points) and CMeIE relation triples ({@code spo_list},
 * without offsets, so their arguments are placed at their first occurrence in the text). Code points
 * are converted to UTF-16 offsets here, at the format's edge.
 */
package taiyi.workbench.formats.cblue;
