package taiyi.workbench.ui.editor;

import java.util.Locale;

import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;

/** The one-line tooltip text of a curated mention or a suggestion. */
final class MentionDescription {

    private MentionDescription() {
    }

    static String of(EntityMention m, String text) {
        String norms = DocumentEditor.normalizations(m);
        return m.type() + ": " + m.coveredText(text) + (norms.isEmpty() ? "" : " [" + norms + "]")
                + (m.isDiscontinuous() ? " (discontinuous: " + m.spans() + ")" : "");
    }

    static String of(Suggestion s, String text) {
        Provenance p = s.provenance();
        return "suggested " + of(s.mention(), text) + " — " + p.modelId()
                + (p.adapterId().isEmpty() ? "" : " + " + p.adapterId()) + ", round " + p.round()
                + String.format(Locale.ROOT, ", score %.3f", s.score());
    }
}
