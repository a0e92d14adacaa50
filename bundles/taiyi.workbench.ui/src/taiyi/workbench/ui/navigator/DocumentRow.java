package taiyi.workbench.ui.navigator;

import java.util.List;

import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.DocumentSummary;

/**
 * A document as the navigator shows it: its summary and how many model suggestions still wait for a
 * decision.
 *
 * @param summary the store's summary (curated mentions, state)
 * @param openSuggestions suggestions still {@link taiyi.workbench.core.curation.SuggestionStatus#OPEN open}
 */
public record DocumentRow(DocumentSummary summary, int openSuggestions) {

    /** Reads the open suggestions of a document: its suggestion layer less those its log has decided. */
    public static DocumentRow of(CorpusStore store, DocumentSummary summary) {
        List<Suggestion> suggestions = store.suggestions().suggestions(summary.corpus(), summary.id());
        if (suggestions.isEmpty()) {
            // most documents before the first pre-annotation: no need to fold the log
            return new DocumentRow(summary, 0);
        }
        CurationFold fold = store.log().fold(summary.corpus(), summary.id());
        int open = (int) suggestions.stream().filter(s -> fold.isOpen(s.id())).count();
        return new DocumentRow(summary, open);
    }
}
