package taiyi.workbench.learning.queue;

/**
 * Counts a text's units the way the learners label them: a Chinese character is one, a run of
 * letters or digits is one. Used when no source said how many units it labelled.
 */
final class TextUnits {

    private TextUnits() {
    }

    static int count(String text) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isIdeographic(cp)) {
                n++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp)) {
                if (!inWord) {
                    n++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return n;
    }
}
