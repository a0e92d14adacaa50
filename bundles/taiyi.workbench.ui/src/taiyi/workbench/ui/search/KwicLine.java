package taiyi.workbench.ui.search;

import java.util.ArrayList;
import java.util.List;

import taiyi.workbench.core.curation.CurationState;

/**
 * One hit as a keyword-in-context line: the first highlighted words of the hit's snippet placed in
 * the document's text, with the text around them.
 *
 * <p>The index's snippet is a passage of the document's own text with the matched words between
 * {@code <b>} and {@code </b>}; finding the passage in the text turns its highlight into document
 * offsets, which the editor selects. Words highlighted one by one in a phrase ({@code <b>heart</b>
 * <b>failure</b>}) make one hit. A hit found by annotation fields alone has no highlighted word:
 * its line is the opening of the text and its hit is empty.
 *
 * @param documentId the document
 * @param left the text before the hit, at most the context length, on one line
 * @param hit the matched text
 * @param right the text after the hit, at most the context length, on one line
 * @param start offset of the hit in the document text
 * @param end offset just past the hit
 * @param state where the document stands in curation
 */
public record KwicLine(String documentId, String left, String hit, String right, int start, int end, CurationState state) {

    private static final String OPEN = "<b>";
    private static final String CLOSE = "</b>";

    /** Places a snippet in its document's text; {@code context} characters are kept on each side. */
    public static KwicLine of(String documentId, String snippet, String text, int context, CurationState state) {
        StringBuilder plain = new StringBuilder();
        List<int[]> bold = new ArrayList<>();
        int i = 0;
        while (i < snippet.length()) {
            if (snippet.startsWith(OPEN, i)) {
                int close = snippet.indexOf(CLOSE, i + OPEN.length());
                if (close < 0) {
                    plain.append(snippet, i, snippet.length());
                    break;
                }
                int from = plain.length();
                plain.append(snippet, i + OPEN.length(), close);
                bold.add(new int[] {from, plain.length()});
                i = close + CLOSE.length();
            } else {
                plain.append(snippet.charAt(i++));
            }
        }
        int passage = text.indexOf(plain.toString());
        int start;
        int end;
        if (bold.isEmpty()) {
            start = Math.max(passage, 0);
            end = start;
        } else {
            int[] first = bold.get(0);
            int hitEnd = first[1];
            // a phrase highlighted word by word is one hit
            for (int k = 1; k < bold.size() && plain.substring(hitEnd, bold.get(k)[0]).isBlank(); k++) {
                hitEnd = bold.get(k)[1];
            }
            if (passage >= 0) {
                start = passage + first[0];
                end = passage + hitEnd;
            } else {
                // the passage is not verbatim in the text (should not happen): fall back to the hit's first occurrence
                String word = plain.substring(first[0], hitEnd);
                start = Math.max(0, text.indexOf(word));
                end = text.indexOf(word) < 0 ? start : start + word.length();
            }
        }
        return new KwicLine(documentId, oneLine(text.substring(Math.max(0, start - context), start)),
                oneLine(text.substring(start, end)), oneLine(text.substring(end, Math.min(text.length(), end + context))), start,
                end, state);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }
}
