package taiyi.workbench.ui.editor;

import java.util.Locale;

import taiyi.workbench.core.curation.LabelSuggestion;
import taiyi.workbench.core.curation.RelationSuggestion;

/**
 * The short texts the editor shows for the model's relation and label suggestions: the type or
 * label and the model's score, to two decimals (the full score is in the Annotation view).
 */
final class SuggestionLabels {

    private SuggestionLabels() {
    }

    /** The label of a suggested relation's arc, e.g. {@code CID -0.92}. */
    static String of(RelationSuggestion s) {
        return s.relation().type() + String.format(Locale.ROOT, " %.2f", s.score());
    }

    /** One suggested document label, e.g. {@code Case Report -0.05}. */
    static String of(LabelSuggestion s) {
        return s.label() + String.format(Locale.ROOT, " %.2f", s.score());
    }
}
