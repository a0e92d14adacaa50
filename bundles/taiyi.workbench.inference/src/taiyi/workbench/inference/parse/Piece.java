package taiyi.workbench.inference.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A trimmed substring of an answer with its offset, as the parsers cut lines into items.
 *
 * @param start first char in the answer
 * @param text the substring
 */
record Piece(int start, String text) {

    int end() {
        return start + text.length();
    }

    /** The piece with blanks, a trailing full stop and matching quotes around it removed. */
    Piece trimmed() {
        int s = 0;
        int e = text.length();
        boolean changed = true;
        while (changed) {
            changed = false;
            while (s < e && AnswerLine.isBlank(text.charAt(s))) {
                s++;
            }
            while (e > s && (AnswerLine.isBlank(text.charAt(e - 1)) || text.charAt(e - 1) == '。')) {
                e--;
            }
            if (e - s >= 2 && quotes(text.charAt(s), text.charAt(e - 1))) {
                s++;
                e--;
                changed = true;
            }
        }
        return new Piece(start + s, text.substring(s, e));
    }

    private static boolean quotes(char open, char close) {
        return open == '"' && close == '"' || open == '\'' && close == '\'' || open == '“' && close == '”'
                || open == '‘' && close == '’' || open == '「' && close == '」' || open == '《' && close == '》';
    }

    /** The piece cut at every char in {@code separators}, each part trimmed, empty parts dropped. */
    List<Piece> split(String separators, boolean commaNeedsSpace) {
        List<Piece> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean cut = i == text.length() || separators.indexOf(text.charAt(i)) >= 0
                    && (!commaNeedsSpace || text.charAt(i) != ',' || i + 1 < text.length() && AnswerLine.isBlank(text.charAt(i + 1)));
            if (cut) {
                Piece p = new Piece(start + from, text.substring(from, i)).trimmed();
                if (!p.text().isEmpty()) {
                    out.add(p);
                }
                from = i + 1;
            }
        }
        return out;
    }
}
