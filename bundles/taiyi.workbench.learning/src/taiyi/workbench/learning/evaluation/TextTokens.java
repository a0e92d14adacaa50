package taiyi.workbench.learning.evaluation;

import java.util.ArrayList;
import java.util.List;

import taiyi.workbench.core.model.Span;

/**
 * The units token-level figures count: runs of letters and digits in alphabetic scripts, each Han
 * character on its own (Chinese is labelled by character), and each other visible character (a
 * hyphen, a bracket) on its own. Whitespace separates and counts for nothing.
 */
public final class TextTokens {

    private TextTokens() {
    }

    /** The tokens of a text, in order. */
    public static List<Span> of(String text) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i += width;
            } else if (isRunPart(cp)) {
                int start = i;
                while (i < text.length() && isRunPart(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                out.add(new Span(start, i));
            } else {
                out.add(new Span(i, i + width));
                i += width;
            }
        }
        return out;
    }

    /** How many tokens a text has: the cost of curating it, in the unit active-learning papers report. */
    public static int count(String text) {
        return of(text).size();
    }

    private static boolean isRunPart(int cp) {
        return Character.isLetterOrDigit(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN;
    }
}
