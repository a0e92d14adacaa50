package taiyi.workbench.ui.graph;

import org.eclipse.gef.commands.Command;

import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.store.CorpusStore;

/**
 * A graph edit that is a curation decision on one document: execute records it through
 * {@link DocumentCuration} (read afresh, so the rules see what the store holds now, whatever the
 * editor or the shell did meanwhile); undo and redo walk the store's log, one event per step, as the
 * editor's Ctrl+Z does. The log, not GEF's command stack, is the history.
 */
abstract class CurationCommand extends Command {

    /** The UI location of the events the graph records. */
    static final String UI_LOCATION = "graph";

    private final CorpusStore store;
    private final String corpus;
    private final String documentId;
    private int recorded;

    CurationCommand(String label, CorpusStore store, String corpus, String documentId) {
        super(label);
        this.store = store;
        this.corpus = corpus;
        this.documentId = documentId;
    }

    /** Makes the decision; a rule's refusal is an {@link IllegalArgumentException} naming it. */
    abstract void decide(DocumentCuration curation);

    String documentId() {
        return documentId;
    }

    @Override
    public void execute() {
        int before = effectiveDecisions();
        decide(DocumentCuration.open(store, corpus, documentId));
        recorded = effectiveDecisions() - before;
    }

    @Override
    public void undo() {
        DocumentCuration curation = DocumentCuration.open(store, corpus, documentId);
        for (int i = 0; i < recorded; i++) {
            curation.undo(UI_LOCATION);
        }
    }

    @Override
    public void redo() {
        DocumentCuration curation = DocumentCuration.open(store, corpus, documentId);
        for (int i = 0; i < recorded; i++) {
            curation.redo(UI_LOCATION);
        }
    }

    private int effectiveDecisions() {
        return store.log().fold(corpus, documentId).effective().size();
    }
}
