package taiyi.workbench.ui.curation;

/** Checks a typed score threshold: a finite number (scores are mean log-probabilities, so often negative). */
final class MinScoreValidator {

    private MinScoreValidator() {
    }

    /** Null when {@code text} is a usable threshold, else why not. */
    static String check(String text) {
        try {
            double d = Double.parseDouble(text.strip());
            return Double.isFinite(d) ? null : "'" + text + "' is not a finite number";
        } catch (NumberFormatException e) {
            return "'" + text + "' is not a number";
        }
    }
}
