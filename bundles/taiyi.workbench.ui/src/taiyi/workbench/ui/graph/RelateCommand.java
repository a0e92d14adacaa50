package taiyi.workbench.ui.graph;

import org.eclipse.osgi.util.NLS;

import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.l10n.Messages;

/** Relates two curated mentions of a document (a CREATE of a relation): what a drag from node to node makes. */
final class RelateCommand extends CurationCommand {

    private final String type;
    private final String headMentionId;
    private final String tailMentionId;

    RelateCommand(CorpusStore store, String corpus, String documentId, String type, String headMentionId, String tailMentionId) {
        super(NLS.bind(Messages.RelationGraphView_relateCommand, type), store, corpus, documentId);
        this.type = type;
        this.headMentionId = headMentionId;
        this.tailMentionId = tailMentionId;
    }

    @Override
    void decide(DocumentCuration curation) {
        curation.relate(type, mention(curation, headMentionId), mention(curation, tailMentionId), UI_LOCATION);
    }

    static EntityMention mention(DocumentCuration curation, String id) {
        return curation.model().mention(id).orElseThrow(
                () -> new IllegalArgumentException(NLS.bind(Messages.RelationGraphView_mentionGone, id)));
    }
}
