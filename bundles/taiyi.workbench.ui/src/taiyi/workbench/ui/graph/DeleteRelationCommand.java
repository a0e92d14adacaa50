package taiyi.workbench.ui.graph;

import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.store.CorpusStore;

/** Deletes a curated relation of a document (a DELETE). */
final class DeleteRelationCommand extends CurationCommand {

    private final String relationId;

    DeleteRelationCommand(CorpusStore store, String corpus, String documentId, String relationId) {
        super("Delete relation", store, corpus, documentId);
        this.relationId = relationId;
    }

    @Override
    void decide(DocumentCuration curation) {
        curation.deleteRelation(curation.model().relation(relationId).orElseThrow(() -> new IllegalArgumentException(
                "relation " + relationId + " is no longer in the curated layer of document " + documentId())), UI_LOCATION);
    }
}
