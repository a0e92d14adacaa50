package taiyi.workbench.ui.graph;

import org.eclipse.osgi.util.NLS;

import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.l10n.Messages;

/** Deletes a curated relation of a document (a DELETE). */
final class DeleteRelationCommand extends CurationCommand {

    private final String relationId;

    DeleteRelationCommand(CorpusStore store, String corpus, String documentId, String relationId) {
        super(Messages.RelationGraphView_deleteCommand, store, corpus, documentId);
        this.relationId = relationId;
    }

    @Override
    void decide(DocumentCuration curation) {
        curation.deleteRelation(curation.model().relation(relationId).orElseThrow(() -> new IllegalArgumentException(
                NLS.bind(Messages.RelationGraphView_relationGone, relationId, documentId()))), UI_LOCATION);
    }
}
