package taiyi.workbench.learning.learner.text;

import java.util.Arrays;

/**
 * A text cut into the units a tagger labels: a run of Latin letters and digits is one unit, every
 * other visible character (punctuation, a Han character, a Greek letter standing alone) is a unit of its
 * own, white space is no unit. English therefore comes out as words and punctuation, Chinese as
 * characters, and mixed text (Chinese with drug names in Latin script) as both, without asking the
 * document's language.
 *
 * <p>Cutting at every hyphen, slash and bracket keeps entity boundaries that fall inside a
 * whitespace token ({@code cisplatin-induced}) on a unit boundary, which a strict span scorer needs.
 */
public final class TextUnits {

    private final String text;
    private final int[] starts;
    private final int[] ends;

    private TextUnits(String text, int[] starts, int[] ends) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /** Cuts a text into units. */
    public static TextUnits of(String text) {
        int[] starts = new int[Math.max(16, text.length() / 3)];
        int[] ends = new int[starts.length];
        int n = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i = next;
                continue;
            }
            int end = next;
            if (isWordCodePoint(cp)) {
                while (end < text.length() && isWordCodePoint(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = i;
            ends[n] = end;
            n++;
            i = end;
        }
        return new TextUnits(text, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /** Whether a code point belongs to a word that runs on (Latin letters and digits, not Han). */
    public static boolean isWordCodePoint(int cp) {
        return Character.isLetterOrDigit(cp) && !Character.isIdeographic(cp)
                && Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN
                && Character.UnicodeScript.of(cp) != Character.UnicodeScript.GREEK;
    }

    /**
     * Whether a match may begin or end at this offset: not between two chars of one running word, so
     * the dictionary entry {@code ca} does not fire inside {@code cancer} while {@code 癌} may inside
     * {@code 肺癌}.
     */
    public static boolean isBoundary(String text, int offset) {
        if (offset <= 0 || offset >= text.length()) {
            return true;
        }
        return !(isWordCodePoint(text.codePointBefore(offset)) && isWordCodePoint(text.codePointAt(offset)));
    }

    public int size() {
        return starts.length;
    }

    public int start(int unit) {
        return starts[unit];
    }

    public int end(int unit) {
        return ends[unit];
    }

    public String text(int unit) {
        return text.substring(starts[unit], ends[unit]);
    }

    /** The first unit that ends after the offset (the unit containing it, or the next one); size() if none. */
    public int unitAtOrAfter(int offset) {
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] > offset) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
