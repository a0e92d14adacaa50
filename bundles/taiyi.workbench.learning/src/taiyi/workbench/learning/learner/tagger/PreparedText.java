package taiyi.workbench.learning.learner.tagger;

import java.util.List;

import taiyi.workbench.inference.align.FoldedText;
import taiyi.workbench.learning.learner.text.TextUnits;

/**
 * What the tagger computes from a text alone, whatever it was trained on: the units, the text folded
 * for the dictionary, and every unit's features but the dictionary's.
 *
 * @param text the text
 * @param units its units
 * @param folded the text folded as the dictionary matches it
 * @param features per unit, the feature names that depend on the text alone, in {@link UnitFeatures}' order
 */
record PreparedText(String text, TextUnits units, FoldedText folded, List<String[]> features) {

    /** Prepares a text, with no sharing of names (a model that predicts once per text). */
    static PreparedText of(String text) {
        TextUnits units = TextUnits.of(text);
        return new PreparedText(text, units, FoldedText.of(text, false), UnitFeatures.ofText(text, units));
    }
}
