package taiyi.workbench.ui.graph;

import org.eclipse.osgi.util.NLS;

import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Accepts a suggested relation (bringing its argument suggestions along, one ACCEPT each) or rejects
 * it (a REJECT).
 */
final class DecideSuggestionCommand extends CurationCommand {

    private final String suggestionId;
    private final boolean accept;

    DecideSuggestionCommand(CorpusStore store, String corpus, String documentId, String suggestionId, boolean accept) {
        super(accept ? Messages.RelationGraphView_acceptCommand : Messages.RelationGraphView_rejectCommand, store, corpus, documentId);
        this.suggestionId = suggestionId;
        this.accept = accept;
    }

    @Override
    void decide(DocumentCuration curation) {
        RelationSuggestion rs = curation.model().relationSuggestions().stream().filter(r -> r.id().equals(suggestionId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        NLS.bind(Messages.DocumentEditor_noSuchRelationSuggestion, suggestionId, documentId())));
        if (accept) {
            curation.accept(rs, UI_LOCATION);
        } else {
            curation.reject(rs, UI_LOCATION);
        }
    }
}
