package taiyi.workbench.ui.curation;

import org.eclipse.osgi.util.NLS;

import taiyi.workbench.ui.l10n.Messages;

/** Checks a typed score threshold: a finite number (scores are mean log-probabilities, so often negative). */
final class MinScoreValidator {

    private MinScoreValidator() {
    }

    /** Null when {@code text} is a usable threshold, else why not. */
    static String check(String text) {
        try {
            double d = Double.parseDouble(text.strip());
            return Double.isFinite(d) ? null : NLS.bind(Messages.MinScoreValidator_notFinite, text);
        } catch (NumberFormatException e) {
            return NLS.bind(Messages.MinScoreValidator_notANumber, text);
        }
    }
}
