package taiyi.workbench.ui.editor;

import java.util.Locale;
import java.util.function.Function;

import org.eclipse.osgi.util.NLS;

import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.ui.l10n.Messages;

/** The one-line tooltip text of a curated mention or a suggestion. */
final class MentionDescription {

    private MentionDescription() {
    }

    /** The mention's type by its display name and, where that differs, its code; its text and concepts. */
    static String of(EntityMention m, String text, Function<String, String> names) {
        String norms = DocumentEditor.normalizations(m);
        String name = names.apply(m.type());
        String type = name.equals(m.type()) ? name : NLS.bind(Messages.MentionDescription_typeWithCode, name, m.type());
        String line = NLS.bind(Messages.MentionDescription_mention, type, m.coveredText(text)) + (norms.isEmpty() ? "" : " [" + norms + "]");
        return m.isDiscontinuous() ? NLS.bind(Messages.MentionDescription_discontinuous, line, m.spans()) : line;
    }

    static String of(Suggestion s, String text, Function<String, String> names) {
        Provenance p = s.provenance();
        return NLS.bind(Messages.MentionDescription_suggestion, new Object[] {of(s.mention(), text, names),
                p.modelId() + (p.adapterId().isEmpty() ? "" : " + " + p.adapterId()), p.round(),
                String.format(Locale.ROOT, "%.3f", s.score())});
    }
}
