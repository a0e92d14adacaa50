package taiyi.workbench.learning;

import java.util.Locale;

import taiyi.workbench.core.curation.CurationState;

/** Which documents of a corpus count as curated material. */
public enum DocumentSelection {
    /** Only documents a curator declared finished: the default, since half-curated layers are not gold. */
    DONE,
    /** Every document, whatever its state (imported gold corpora, where the import is the curation). */
    ALL;

    public boolean includes(CurationState state) {
        return this == ALL || state == CurationState.DONE;
    }

    /** Parses {@code done} or {@code all}, naming the accepted values when the text is neither. */
    public static DocumentSelection parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("documents must be 'done' or 'all', not '" + text + "'", e);
        }
    }
}
