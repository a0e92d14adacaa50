package taiyi.workbench.inference.task;

import java.util.ArrayList;
import java.util.List;

/**
 * Where sentences end in biomedical text, English or Chinese: after a Chinese full stop,
 * exclamation or question mark or semicolon (which ends a clause as long as many English
 * sentences), after a newline, and after {@code . ! ? ;} followed by white space. The offset
 * returned is past the terminator and any white space after it, so a window starts on a word.
 * A period between letters or digits ({@code 2.5 mg}, {@code e.g.x}) is no end; an abbreviation
 * followed by a space is, which at worst makes a window one sentence shorter.
 */
final class SentenceEnds {

    private SentenceEnds() {
    }

    static List<Integer> of(String text) {
        List<Integer> ends = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean end;
            if (c == '。' || c == '！' || c == '？' || c == '；' || c == '\n') {
                end = true;
            } else if (c == '.' || c == '!' || c == '?' || c == ';') {
                end = i + 1 < n && Character.isWhitespace(text.charAt(i + 1));
            } else {
                end = false;
            }
            if (end) {
                int j = i + 1;
                while (j < n && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                ends.add(j);
                i = j - 1;
            }
        }
        return ends;
    }
}
