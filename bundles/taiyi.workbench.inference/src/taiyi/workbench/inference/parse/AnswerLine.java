package taiyi.workbench.inference.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One non-blank line of an answer, trimmed, with where it starts in the answer.
 *
 * @param number 1-based line number
 * @param start first char of the trimmed line in the answer
 * @param text the trimmed line
 */
record AnswerLine(int number, int start, String text) {

    /** What Taiyi writes when there is nothing to report. */
    private static final Set<String> NOTHING = Set.of("无", "没有", "无。", "none", "none.", "n/a", "null", "nil", "无实体",
            "no entities", "no relation", "no relations", "没有实体", "不存在");

    static List<AnswerLine> of(String answer) {
        List<AnswerLine> out = new ArrayList<>();
        int n = 0;
        int from = 0;
        while (from <= answer.length()) {
            int nl = answer.indexOf('\n', from);
            int to = nl < 0 ? answer.length() : nl;
            n++;
            int s = from;
            int e = to;
            while (s < e && isBlank(answer.charAt(s))) {
                s++;
            }
            while (e > s && isBlank(answer.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                out.add(new AnswerLine(n, s, answer.substring(s, e)));
            }
            if (nl < 0) {
                break;
            }
            from = nl + 1;
        }
        return out;
    }

    static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Whether a piece of an answer says "nothing" ({@code 无}, {@code None}, …). */
    static boolean saysNothing(String piece) {
        return NOTHING.contains(piece.strip().toLowerCase(Locale.ROOT));
    }

    /** The first colon, half-width or full-width, or -1. */
    int colon() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '：') {
                return i;
            }
        }
        return -1;
    }
}
