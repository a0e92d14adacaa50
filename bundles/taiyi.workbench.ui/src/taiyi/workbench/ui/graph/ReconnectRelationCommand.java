package taiyi.workbench.ui.graph;

import org.eclipse.osgi.util.NLS;

import taiyi.workbench.core.model.Relation;
import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Moves one end of a curated relation to another mention: the relation is deleted and one of the
 * same type made between the new ends (two events, in one step of this command's undo).
 */
final class ReconnectRelationCommand extends CurationCommand {

    private final String relationId;
    private final String headMentionId;
    private final String tailMentionId;

    ReconnectRelationCommand(CorpusStore store, String corpus, String documentId, String relationId, String headMentionId,
            String tailMentionId) {
        super(Messages.RelationGraphView_reconnectCommand, store, corpus, documentId);
        this.relationId = relationId;
        this.headMentionId = headMentionId;
        this.tailMentionId = tailMentionId;
    }

    @Override
    void decide(DocumentCuration curation) {
        Relation old = curation.model().relation(relationId).orElseThrow(() -> new IllegalArgumentException(
                NLS.bind(Messages.RelationGraphView_relationGone, relationId, documentId())));
        var head = RelateCommand.mention(curation, headMentionId);
        var tail = RelateCommand.mention(curation, tailMentionId);
        if (head.id().equals(tail.id())) {
            throw new IllegalArgumentException(NLS.bind(Messages.RelationGraphView_sameMention, head.id()));
        }
        curation.deleteRelation(old, UI_LOCATION);
        curation.relate(old.type(), head, tail, UI_LOCATION);
    }
}
